package id.satupintu.idp.citizen;

/** Whether an account may sign in and keep using its sessions and tokens. */
public enum CitizenStatus {
    ACTIVE,
    DISABLED
}
