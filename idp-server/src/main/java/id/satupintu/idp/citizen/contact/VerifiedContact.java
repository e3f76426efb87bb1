package id.satupintu.idp.citizen.contact;

import java.time.Instant;

import id.satupintu.idp.citizen.Citizen;

/** A citizen's account with a newly proven e-mail address or phone number. */
final class VerifiedContact {

    private VerifiedContact() {
    }

    static Citizen applied(Citizen c, ContactChannel channel, String destination, Instant now) {
        boolean email = channel == ContactChannel.EMAIL;
        return new Citizen(c.id(), c.nik(), c.fullName(), c.birthDate(), c.sex(), c.address(),
                email ? destination : c.email(), email || c.emailVerified(),
                email ? c.phoneNumber() : destination, !email || c.phoneNumberVerified(),
                c.passwordHash(), c.status(), c.createdAt(), now, c.verification());
    }
}
