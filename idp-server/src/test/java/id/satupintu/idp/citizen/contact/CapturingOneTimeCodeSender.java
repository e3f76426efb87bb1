package id.satupintu.idp.citizen.contact;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sender that keeps the last code sent to each destination, for tests to type in. */
public class CapturingOneTimeCodeSender implements OneTimeCodeSender {

    private final Map<String, String> lastCodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> sendCounts = new ConcurrentHashMap<>();

    @Override
    public void send(ContactChannel channel, String destination, String code, Locale locale) {
        lastCodes.put(destination, code);
        sendCounts.merge(destination, 1, Integer::sum);
    }

    public String lastCode(String destination) {
        return lastCodes.get(destination);
    }

    public int sends(String destination) {
        return sendCounts.getOrDefault(destination, 0);
    }
}
