package id.satupintu.idp.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Page language: {@link CitizenLocaleResolver} and the {@code ?lang=id|en} switch. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration implements WebMvcConfigurer {

    static final String SWITCH_PARAMETER = "lang";

    /** The bean name {@code localeResolver} is what the DispatcherServlet looks up. */
    @Bean
    LocaleResolver localeResolver() {
        return new CitizenLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName(SWITCH_PARAMETER);
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
    }
}
