package id.satupintu.idp.keys;

import id.satupintu.idp.keys.store.memory.MemoryKeyBackend;
import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.MemoryKeyRingStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where keys live. */
@Configuration(proxyBeanMethods = false)
public class KeyStorageConfiguration {

    @Bean
    KeyRingStore keyRingStore() {
        return new MemoryKeyRingStore();
    }

    @Bean
    MemoryKeyBackend keyBackend() {
        return new MemoryKeyBackend();
    }
}
