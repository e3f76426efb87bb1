package id.satupintu.idp.agency.store.jpa;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a set of tokens (grant types, scopes, URIs) as one space-delimited varchar. A space cannot
 * occur inside any of them (RFC 6749 §3.3 scope-token, RFC 3986 URI), so the encoding is lossless
 * and portable between PostgreSQL and H2 without child tables. Insertion order is kept.
 */
@Converter
class SpaceDelimitedSetConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        for (String value : values) {
            if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a stored list value must be non-empty and contain no whitespace");
            }
        }
        return String.join(" ", values);
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(column.trim().split(" +")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
