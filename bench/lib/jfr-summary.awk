# Summarises `jfr print --events jdk.ExecutionSample` output: where the server's CPU went.
# Inclusive share per category (a sample counts once per category found anywhere in its stack)
# and the top methods by self samples. Used by bench/lib/common.sh for --profile.
function category(frame) {
    if (frame ~ /^(sun\.security\.rsa\.RSASignature\.engineSign|sun\.security\.ec\.ECDSASignature\.engineSign|sun\.security\.rsa\.RSAPSSSignature\.engineSign)/) return "JWS signing (JDK RSA/EC)"
    if (frame ~ /^com\.amazon\.corretto\.crypto/) return "ACCP crypto"
    if (frame ~ /^com\.nimbusds\.jose\.util\.Base64Codec/) return "Nimbus Base64URL codec"
    if (frame ~ /^java\.io\.Object(Output|Input)Stream\.(writeObject|readObject)$/) return "Java serialization"
    if (frame ~ /^(tools\.jackson|com\.fasterxml\.jackson|com\.nimbusds\.jose\.shaded\.gson)/) return "JSON (Jackson/Gson)"
    if (frame ~ /^io\.lettuce/) return "Redis client (Lettuce)"
    if (frame ~ /^(org\.h2\.|org\.postgresql\.|com\.zaxxer\.hikari\.)/) return "JDBC (H2/PostgreSQL/Hikari)"
    if (frame ~ /^org\.hibernate\./) return "Hibernate"
    if (frame ~ /^id\.satupintu\.idp\.audit\./) return "SatuPintu audit"
    if (frame ~ /^(ch\.qos\.logback|org\.apache\.logging)/) return "logging"
    if (frame ~ /^org\.bouncycastle\.crypto\.generators\.Argon2/) return "Argon2id password hashing"
    if (frame ~ /^org\.thymeleaf\./) return "Thymeleaf rendering"
    if (frame ~ /^org\.springframework\.session\./) return "Spring Session"
    if (frame ~ /ClientSecretAuthenticationProvider\.authenticate$/) return "client authentication"
    if (frame ~ /^(sun\.nio\.ch\.|org\.apache\.tomcat\.util\.net\.)/) return "socket I/O (NIO, Tomcat)"
    return ""
}
# begin/end (HH:MM:SS, optional -v): keep only samples taken in that window; JFR.dump hands
# over whole chunks, which may reach back to start-up.
/^jdk\.ExecutionSample/ { delete seen; first = 1; inside = 0; keep = 0; next }
/^[ \t]*startTime = / {
    t = $3; sub(/\..*/, "", t)
    keep = (begin == "" || t >= begin) && (end == "" || t <= end)
    if (keep) n++
    next
}
!keep { next }
/stackTrace = \[/ { inside = 1; next }
inside && /^[ \t]*\]/ { inside = 0; next }
inside {
    frame = $0; sub(/^[ \t]+/, "", frame); sub(/\(.*/, "", frame)
    if (frame == "" || frame == "...") next
    if (first) {
        self[frame]++; first = 0
        # self time by package family: first three name components (java.math.BigInteger -> java.math)
        m = split(frame, part, "."); fam = part[1] "." part[2]; if (m > 4) fam = fam "." part[3]
        family[fam]++
    }
    c = category(frame)
    if (c != "" && !(c in seen)) { seen[c] = 1; cat[c]++ }
}
END {
    if (n == 0) { print "no execution samples recorded"; exit }
    printf "%d execution samples (JFR method sampling%s)\n", n, (begin != "" ? ", " begin "-" end : "")
    print "CPU share by category (inclusive; categories overlap):"
    for (c in cat) printf "  %5.1f%%  %s\n", 100 * cat[c] / n, c | "sort -rn"
    close("sort -rn")
    print "self samples by package:"
    for (f in family) printf "  %5.1f%%  %s\n", 100 * family[f] / n, f | "sort -rn | head -12"
    close("sort -rn | head -12")
    print "top methods by self samples:"
    for (f in self) printf "  %5.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -15"
    close("sort -rn | head -15")
}
