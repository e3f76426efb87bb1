package id.satupintu.idp.citizen;

/** Whether an account may sign in and keep using its sessions and tokens. */
public enum CitizenStatus {
    ACTIVE,
    /** Switched off by an administrator. */
    DISABLED,
    /** The registry recorded the citizen's death: never active again. */
    DECEASED
}
