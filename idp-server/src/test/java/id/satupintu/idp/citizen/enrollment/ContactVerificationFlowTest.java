package id.satupintu.idp.citizen.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.contact.CapturingOneTimeCodeSender;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.registry.RegistryRecord;

/** Adding and confirming an e-mail address and a phone number right after enrollment. */
class ContactVerificationFlowTest extends EnrollmentWebTestSupport {

    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestRegistry registry;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CapturingOneTimeCodeSender sender;

    private RegistryRecord record;

    /** @return a browser signed in as a citizen who has just enrolled */
    private MockBrowser enrolled() throws Exception {
        int n = ADDRESS.getAndIncrement();
        MockBrowser browser = new MockBrowser(mvc, "10.31." + (n / 250) + "." + (n % 250 + 1));
        record = registry.add(TestRegistryRecords.fresh());
        EnrollmentFlowTest.submitIdentity(browser, record);
        MvcResult created = EnrollmentFlowTest.submitPassword(browser, EnrollmentFlowTest.PASSWORD,
                EnrollmentFlowTest.PASSWORD);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/enrol/contact");
        return browser;
    }

    private static MvcResult send(MockBrowser browser, String channel, String value) throws Exception {
        return browser.perform(post("/enrol/contact/send").param("channel", channel).param("value", value).with(csrf()));
    }

    private static MvcResult verify(MockBrowser browser, String channel, String code) throws Exception {
        return browser.perform(post("/enrol/contact/verify").param("channel", channel).param("code", code).with(csrf()));
    }

    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    private Citizen citizen() {
        return citizens.findByNik(record.nik()).orElseThrow();
    }

    @Test
    void emailWhenRightCodeEnteredThenSavedAsVerified() throws Exception {
        MockBrowser browser = enrolled();
        String email = "rina." + record.nik().serial() + "@example.id";

        assertThat(send(browser, "email", email).getResponse().getRedirectedUrl())
                .isEqualTo("/enrol/contact/verify?channel=email");
        String page = browser.perform(get("/enrol/contact/verify?channel=email")).getResponse().getContentAsString();
        assertThat(page).contains("r***@example.id").contains("autocomplete=\"one-time-code\"");
        assertThat(citizen().email()).isNull();

        MvcResult verified = verify(browser, "email", sender.lastCode(email));

        assertThat(verified.getResponse().getRedirectedUrl()).isEqualTo("/enrol/contact?verified=email");
        assertThat(citizen().email()).isEqualTo(email);
        assertThat(citizen().emailVerified()).isTrue();
        assertThat(browser.perform(get("/enrol/contact?verified=email")).getResponse().getContentAsString())
                .contains("Alamat email Anda sudah dikonfirmasi.");
    }

    @Test
    void phoneWhenWrongCodeThenAttemptsLeftShownAndNotSaved() throws Exception {
        MockBrowser browser = enrolled();
        String phone = "+62812" + record.nik().serial() + "4321";
        send(browser, "phone", "0812" + record.nik().serial() + "4321");

        MvcResult wrong = verify(browser, "phone", wrong(sender.lastCode(phone)));

        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("Sisa percobaan: 4");
        assertThat(citizen().phoneNumber()).isNull();
        verify(browser, "phone", sender.lastCode(phone));
        assertThat(citizen().phoneNumber()).isEqualTo(phone);
        assertThat(citizen().phoneNumberVerified()).isTrue();
    }

    @Test
    void phoneWhenFiveWrongCodesThenCodeSpentAndNewOneNeeded() throws Exception {
        MockBrowser browser = enrolled();
        String phone = "+62813" + record.nik().serial() + "5555";
        send(browser, "phone", phone);
        String code = sender.lastCode(phone);
        for (int i = 0; i < 4; i++) {
            verify(browser, "phone", wrong(code));
        }

        MvcResult fifth = verify(browser, "phone", wrong(code));

        assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/enrol/contact?codeError=attempts");
        assertThat(verify(browser, "phone", code).getResponse().getRedirectedUrl())
                .isEqualTo("/enrol/contact?codeError=attempts");
        assertThat(citizen().phoneNumber()).isNull();
    }

    @Test
    void resendWhenAskedAgainAtOnceThen429AndNoSecondCode() throws Exception {
        MockBrowser browser = enrolled();
        String email = "rina.resend." + record.nik().serial() + "@example.id";
        send(browser, "email", email);

        MvcResult resend = browser.perform(post("/enrol/contact/resend").param("channel", "email").with(csrf()));

        assertThat(resend.getResponse().getStatus()).isEqualTo(429);
        assertThat(resend.getResponse().getContentAsString()).contains("Tunggu");
        assertThat(sender.sends(email)).isEqualTo(1);
    }

    @Test
    void languageSwitchWhenOnPageOfAFormPostThenBackToContactPageInThatLanguage() throws Exception {
        MockBrowser browser = enrolled();
        String page = send(browser, "email", "not-an-address").getResponse().getContentAsString();
        assertThat(page).contains("href=\"/enrol/contact/send?lang=en\"");

        MvcResult switched = browser.perform(get("/enrol/contact/send?lang=en"));

        assertThat(switched.getResponse().getRedirectedUrl()).isEqualTo("/enrol/contact");
        assertThat(browser.perform(get("/enrol/contact")).getResponse().getContentAsString())
                .contains("Your account is ready");
    }

    @Test
    void sendWhenAddressInvalidThen400WithFieldError() throws Exception {
        MockBrowser browser = enrolled();

        MvcResult answer = send(browser, "phone", "12345");

        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(answer.getResponse().getContentAsString()).contains("Nomor ponsel tidak valid").contains("href=\"#phone\"");
    }
}
