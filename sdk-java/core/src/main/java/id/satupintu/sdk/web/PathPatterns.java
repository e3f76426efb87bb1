package id.satupintu.sdk.web;

import java.util.List;

/**
 * Servlet-style URL patterns (Jakarta Servlet 6.0 §12.2): {@code /admin/*} (the path and everything
 * below it), {@code *.jsp} (an extension), {@code /} or {@code /*} (everything), otherwise an exact
 * path. Matched against the path within the application, so the same configuration works under any
 * context path.
 */
final class PathPatterns {

    private final List<String> patterns;

    private PathPatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    static PathPatterns of(List<String> patterns) {
        return new PathPatterns(patterns == null ? List.of() : patterns.stream()
                .map(String::trim)
                .filter(pattern -> !pattern.isEmpty())
                .toList());
    }

    boolean matches(String path) {
        for (String pattern : patterns) {
            if (matches(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true for a path as a servlet container maps it: decoded and normalised. Anything else
     *         ({@code /public/../admin}, {@code /public/..;/admin}, encoded dots or slashes, backslashes) could
     *         match a public pattern here and reach a protected resource in the container, so the gate treats
     *         such paths as protected whatever the patterns say.
     */
    static boolean isCanonical(String path) {
        if (path == null || !path.startsWith("/") || path.contains("//") || path.contains("\\")
                || path.contains(";") || path.contains("%")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(String pattern, String path) {
        if (pattern.equals("/") || pattern.equals("/*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            // "/admin/*" covers "/admin" itself but not "/administrator" (§12.2: a path prefix, segment by segment)
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        if (pattern.startsWith("*.")) {
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return lastSegment.endsWith(pattern.substring(1));
        }
        return path.equals(pattern);
    }
}
