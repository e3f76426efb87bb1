package id.satupintu.idp.saml.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;

class OpenSamlTest {

    private static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parseWhenAuthnRequestThenUnmarshalled() {
        XMLObject parsed = OpenSaml.parse(utf8("""
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"
                    xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a1" Version="2.0"
                    IssueInstant="2026-11-28T10:00:00Z"><saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>
                """));
        assertThat(parsed).isInstanceOf(AuthnRequest.class);
        assertThat(((AuthnRequest) parsed).getIssuer().getValue()).isEqualTo("https://sp.example");
    }

    @Test
    void parseWhenExternalEntityThenRejected() {
        assertThatThrownBy(() -> OpenSaml.parse(utf8("""
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1">&x;</samlp:AuthnRequest>
                """))).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void parseWhenEntityExpansionThenRejected() {
        assertThatThrownBy(() -> OpenSaml.parse(utf8("""
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <r>&b;</r>
                """))).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void parseWhenCommentInsideTextThenCommentIgnored() {
        XMLObject parsed = OpenSaml.parse(utf8("""
                <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://evil.example<!-- -->.sp.example</saml:Issuer>
                """));
        assertThat(((Issuer) parsed).getValue()).isEqualTo("https://evil.example.sp.example");
    }

    @Test
    void parseWhenUnknownElementThenRejected() {
        assertThatThrownBy(() -> OpenSaml.parse(utf8("<x:unknown xmlns:x=\"urn:x\"/>")))
                .isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void parseWhenNotXmlThenRejected() {
        assertThatThrownBy(() -> OpenSaml.parse(utf8("not xml"))).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void parseWhenIssueInstantIsNotADateThenRejected() {
        assertThatThrownBy(() -> OpenSaml.parse(utf8("""
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1" Version="2.0"
                    IssueInstant="notadate"/>
                """))).isInstanceOf(XmlRejectedException.class);
    }

    @Test
    void parseWhenAssertionConsumerServiceIndexIsNotANumberThenRejected() {
        assertThatThrownBy(() -> OpenSaml.parse(utf8("""
                <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a1" Version="2.0"
                    IssueInstant="2026-11-28T10:00:00Z" AssertionConsumerServiceIndex="x"/>
                """))).isInstanceOf(XmlRejectedException.class);
    }
}
