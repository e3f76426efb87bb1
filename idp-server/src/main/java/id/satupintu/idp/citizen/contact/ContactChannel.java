package id.satupintu.idp.citizen.contact;

/** Where a one-time code goes: an e-mail address or a mobile phone number. */
public enum ContactChannel {
    EMAIL, PHONE;

    /** @return the lower-case name used in URLs, form fields and message keys */
    public String id() {
        return name().toLowerCase();
    }

    /** @return the channel named {@code id}, or null for anything else */
    public static ContactChannel fromId(String id) {
        for (ContactChannel channel : values()) {
            if (channel.id().equals(id)) {
                return channel;
            }
        }
        return null;
    }
}
