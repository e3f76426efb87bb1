package id.satupintu.idp.citizen.enrollment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Enrollment settings ({@code satupintu.enrollment.*}).
 *
 * @param nikLimit failed identity checks per NIK within the window ({@code .throttle.nik-limit}, default 10)
 * @param ipLimit failed identity checks per client address within the window ({@code .throttle.ip-limit},
 *                default 100; raise it where many citizens share one carrier-grade NAT address)
 * @param window the rolling window of both limits ({@code .throttle.window}, default 1 hour)
 * @param verificationFloor the least time every identity check takes, whatever its outcome
 *                          ({@code .verification-floor}, default 500 ms): see {@link ResponseTimeFloor}
 * @param pendingTtl how long a verified identity waits in the session for its password
 *                   ({@code .pending-ttl}, default 15 minutes)
 */
@ConfigurationProperties("satupintu.enrollment")
public record EnrollmentProperties(Throttle throttle, Duration verificationFloor, Duration pendingTtl) {

    public EnrollmentProperties {
        throttle = throttle == null ? new Throttle(null, null, null) : throttle;
        verificationFloor = verificationFloor == null ? Duration.ofMillis(500) : verificationFloor;
        pendingTtl = pendingTtl == null ? Duration.ofMinutes(15) : pendingTtl;
    }

    /** Limits on failed identity checks: the rate limiting of NIST SP 800-63B §5.2.2 applied to identity proofing. */
    public record Throttle(Integer nikLimit, Integer ipLimit, Duration window) {

        public Throttle {
            nikLimit = nikLimit == null ? 10 : nikLimit;
            ipLimit = ipLimit == null ? 100 : ipLimit;
            window = window == null ? Duration.ofHours(1) : window;
        }
    }
}
