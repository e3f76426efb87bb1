package id.satupintu.idp.saml.xml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.XMLObjectBuilder;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * OpenSAML 3, initialised once per JVM and hardened: every XML document this IdP reads goes through
 * {@link #parse(byte[])}, whose parser refuses DTDs (so no external entities and no entity
 * expansion, the XXE and "billion laughs" attacks), drops comments (a comment can no longer split a
 * text node and change what is read without changing what is signed) and never fetches anything.
 * Santuario's secure validation is on (the default of xmlsec 2.3), which limits transforms,
 * references and algorithms in signatures.
 */
public final class OpenSaml {

    private static final BasicParserPool PARSER_POOL;

    static {
        try {
            InitializationService.initialize();
            PARSER_POOL = hardenedParserPool();
            XMLObjectProviderRegistry registry = ConfigurationService.get(XMLObjectProviderRegistry.class);
            registry.setParserPool(PARSER_POOL);
        } catch (InitializationException | ComponentInitializationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private OpenSaml() {
    }

    /** Runs the one-time initialisation; call it before using any OpenSAML builder directly. */
    public static void initialize() {
        // the static initialiser above does the work
    }

    private static BasicParserPool hardenedParserPool() throws ComponentInitializationException {
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(64);
        pool.setNamespaceAware(true);
        pool.setIgnoreComments(true);
        pool.setIgnoreElementContentWhitespace(false);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", true);
        features.put("http://xml.org/sax/features/external-general-entities", false);
        features.put("http://xml.org/sax/features/external-parameter-entities", false);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        pool.setBuilderFeatures(features);
        pool.initialize();
        return pool;
    }

    /**
     * Parses and unmarshals an XML document.
     *
     * @throws XmlRejectedException when it is not well-formed, carries a DTD, or is not a known SAML element
     */
    public static XMLObject parse(byte[] xml) {
        try {
            Document document = PARSER_POOL.parse(new ByteArrayInputStream(xml));
            return unmarshal(document.getDocumentElement());
        } catch (XMLParserException e) {
            throw new XmlRejectedException("not well-formed XML, or it carries a DTD", e);
        }
    }

    /** Unmarshals an element already parsed by {@link #parse(byte[])}. */
    public static XMLObject unmarshal(Element element) {
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(element);
        if (unmarshaller == null) {
            throw new XmlRejectedException("unknown element " + element.getNamespaceURI() + ":" + element.getLocalName(), null);
        }
        try {
            return unmarshaller.unmarshall(element);
        } catch (UnmarshallingException e) {
            throw new XmlRejectedException("not a valid SAML message", e);
        }
    }

    /** @return a new, empty OpenSAML object of this element name */
    @SuppressWarnings("unchecked")
    public static <T extends XMLObject> T build(QName elementName) {
        XMLObjectBuilder<?> builder = XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(elementName);
        return (T) builder.buildObject(elementName);
    }

    /** Marshals (if not yet) and returns the DOM element of an object. */
    public static Element marshal(XMLObject object) {
        if (object.getDOM() != null) {
            return object.getDOM();
        }
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshal " + object.getElementQName(), e);
        }
    }

    /** @return the object's XML, without XML declaration and without re-indenting (signatures stay valid) */
    public static String toXml(XMLObject object) {
        return toXml(marshal(object));
    }

    /** @return an element's XML, without XML declaration and without re-indenting */
    public static String toXml(Element element) {
        Transformer transformer = SERIALIZERS.get();
        try {
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise XML", e);
        } finally {
            transformer.reset();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        }
    }

    /**
     * One serialiser per thread: every SSO response is serialised (POST binding), and looking up a
     * {@link TransformerFactory} costs more than the serialisation itself. A {@link Transformer} is not
     * thread-safe, but may be reused once {@link Transformer#reset() reset}.
     */
    private static final ThreadLocal<Transformer> SERIALIZERS = ThreadLocal.withInitial(() -> {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            return transformer;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("no XML serialiser", e);
        }
    });
}
