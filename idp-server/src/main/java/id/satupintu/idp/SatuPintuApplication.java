package id.satupintu.idp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of the SatuPintu identity provider. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SatuPintuApplication {

    public static void main(String[] args) {
        SpringApplication.run(SatuPintuApplication.class, args);
    }
}
