/**
 * The JSON form of an {@link io.collectionstrategy.Assessment}, one shape for every caller: the command-line tool's
 * JSON Lines, any Jackson {@code ObjectMapper} (plain or configured by a framework) and the Spark job's nested columns
 * all give the fields of {@code docs/schema/assessment.schema.json} in the same order.
 *
 * <p>{@link io.collectionstrategy.json.AssessmentJson#write AssessmentJson.write} streams one assessment to a
 * Jackson {@link com.fasterxml.jackson.core.JsonGenerator}; {@code Assessment} is annotated to serialise through it.
 * {@link io.collectionstrategy.json.IncentiveJson} does the same for the incentive policy's results and totals
 * ({@code docs/schema/incentive.schema.json}).
 */
package io.collectionstrategy.json;
