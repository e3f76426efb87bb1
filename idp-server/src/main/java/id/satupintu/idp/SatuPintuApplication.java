package id.satupintu.idp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of the SatuPintu identity provider. */
@SpringBootApplication
public class SatuPintuApplication {

    public static void main(String[] args) {
        SpringApplication.run(SatuPintuApplication.class, args);
    }
}
