package id.satupintu.idp.agency.registration;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OidcClientRegistrationEndpointConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientConfigurationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientRegistrationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcClientRegistrationAuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Extends Spring's OIDC Dynamic Client Registration endpoint (RFC 7591, OIDC Dynamic Client
 * Registration 1.0) through its configurer: SatuPintu's metadata rules, agency-bound clients with
 * server-generated secrets hashed by the {@code PasswordEncoder} bean, {@code agency_code} in the
 * response, no secret hash on the configuration endpoint, RFC 7591 error codes for ill-formed
 * metadata, and audited responses.
 *
 * <p>Wire it with {@code oidc(o -> o.clientRegistrationEndpoint(customizer))}. The initial access
 * token must carry exactly the scope {@code client.create} (Spring's provider refuses a token with
 * more scopes as {@code invalid_token}): the bootstrap admin client requests it with
 * {@code grant_type=client_credentials&scope=client.create}.
 */
@Component
public class ClientRegistrationCustomizer implements Customizer<OidcClientRegistrationEndpointConfigurer> {

    private final ClientMetadataValidator validator;
    private final AgencyRegisteredClientConverter clientConverter;
    private final PasswordEncoder secretEncoder;
    private final RegistrationSuccessHandler successHandler;
    private final RegistrationFailureHandler failureHandler;

    public ClientRegistrationCustomizer(ClientMetadataValidator validator,
                                        AgencyRegisteredClientConverter clientConverter,
                                        PasswordEncoder secretEncoder,
                                        RegistrationSuccessHandler successHandler,
                                        RegistrationFailureHandler failureHandler) {
        this.validator = validator;
        this.clientConverter = clientConverter;
        this.secretEncoder = secretEncoder;
        this.successHandler = successHandler;
        this.failureHandler = failureHandler;
    }

    @Override
    public void customize(OidcClientRegistrationEndpointConfigurer endpoint) {
        endpoint.authenticationProviders(providers -> providers.forEach(provider -> {
            if (provider instanceof OidcClientRegistrationAuthenticationProvider registration) {
                registration.setAuthenticationValidator(validator);
                registration.setRegisteredClientConverter(clientConverter);
                registration.setClientRegistrationConverter(RegistrationResponseConverter.withSecret());
                registration.setPasswordEncoder(secretEncoder);
            } else if (provider instanceof OidcClientConfigurationAuthenticationProvider configuration) {
                configuration.setClientRegistrationConverter(RegistrationResponseConverter.withoutSecret());
            }
        }));
        endpoint.clientRegistrationRequestConverters(converters -> converters.replaceAll(converter ->
                converter instanceof OidcClientRegistrationAuthenticationConverter
                        ? new RegistrationRequestConverter(converter) : converter));
        endpoint.clientRegistrationResponseHandler(successHandler);
        endpoint.errorResponseHandler(failureHandler);
    }
}
