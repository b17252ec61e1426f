package io.collectionstrategy.examples.portfolio;

import java.util.Map;

/**
 * One row of a {@link SyntheticPortfolio}.
 *
 * @param index         0-based position
 * @param fields        the fields by docs/contract.md name (values: String, Integer, BigDecimal, Boolean, List, Map)
 * @param malformedJson when not null, the row's JSON Lines text is this broken text instead of the fields
 * @param bad           true when the row was made invalid on purpose
 */
public record GeneratedRow(long index, Map<String, Object> fields, String malformedJson, boolean bad) {
}
