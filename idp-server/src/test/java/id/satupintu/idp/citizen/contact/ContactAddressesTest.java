package id.satupintu.idp.citizen.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactAddressesTest {

    @Test
    void phoneWhenTypedInLocalOrInternationalFormThenOneE164Number() {
        assertThat(ContactAddresses.phone("0812-3456-7890")).contains("+6281234567890");
        assertThat(ContactAddresses.phone("+62 812 3456 7890")).contains("+6281234567890");
        assertThat(ContactAddresses.phone("6281234567890")).contains("+6281234567890");
    }

    @Test
    void phoneWhenNotIndonesianOrTooShortOrLettersThenEmpty() {
        assertThat(ContactAddresses.phone("+14155550100")).isEmpty();
        assertThat(ContactAddresses.phone("0812")).isEmpty();
        assertThat(ContactAddresses.phone("0812-abcd-7890")).isEmpty();
        assertThat(ContactAddresses.phone(null)).isEmpty();
    }

    @Test
    void emailWhenValidThenDomainLowerCased() {
        assertThat(ContactAddresses.email(" Rina.W@Example.ID ")).contains("Rina.W@example.id");
    }

    @Test
    void emailWhenNoAtOrNoDotInDomainOrSpacesThenEmpty() {
        assertThat(ContactAddresses.email("rina.example.id")).isEmpty();
        assertThat(ContactAddresses.email("rina@localhost")).isEmpty();
        assertThat(ContactAddresses.email("rina w@example.id")).isEmpty();
    }

    @Test
    void maskedWhenPrintedThenOnlyEnoughToRecognise() {
        assertThat(ContactAddresses.masked(ContactChannel.EMAIL, "rina@example.id")).isEqualTo("r***@example.id");
        assertThat(ContactAddresses.masked(ContactChannel.PHONE, "+6281234567890")).isEqualTo("+62812*****890");
    }
}
