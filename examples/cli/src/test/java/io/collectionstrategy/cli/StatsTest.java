package io.collectionstrategy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The formulas against published or hand-computed values. */
class StatsTest {

    @Test
    void constants_95PercentAnd80PercentPower_theNormalQuantiles() {
        assertThat(Stats.Z_CONFIDENCE).isCloseTo(1.959964, within(1e-6));
        assertThat(Stats.Z_POWER).isCloseTo(0.841621, within(1e-6));
    }

    @Test
    void wilson_81Of263_newcombesExample() {
        // Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263, Wilson score 0.2553 to 0.3662
        Stats.Interval i = Stats.wilson(81, 263);

        assertThat(i.value()).isCloseTo(81.0 / 263, within(1e-12));
        assertThat(i.low()).isCloseTo(0.2553, within(5e-5));
        assertThat(i.high()).isCloseTo(0.3662, within(5e-5));
    }

    @Test
    void wilson_noSuccesses_startsAtZeroAndStaysAboveIt() {
        Stats.Interval i = Stats.wilson(0, 50);

        assertThat(i.low()).isCloseTo(0, within(1e-12)).isGreaterThanOrEqualTo(0);
        assertThat(i.high()).isCloseTo(0.0714, within(5e-4)); // 3.84 / 53.84
    }

    @Test
    void proportions_56Of70Versus48Of80_newcombeIntervalAndPooledZ() {
        // Newcombe (1998), Statistics in Medicine 17:873, example (a): 56/70 - 48/80, method 10: 0.0524 to 0.3339
        Stats.Difference d = Stats.proportions(48, 80, 56, 70);

        assertThat(d.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(d.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(d.high()).isCloseTo(0.3339, within(5e-5));
        // pooled 104/150: z = 0.2 / sqrt(0.6933 * 0.3067 * (1/80 + 1/70)) = 2.6502, p = 0.00805
        assertThat(d.statistic()).isCloseTo(2.65017, within(1e-4));
        assertThat(d.pValue()).isCloseTo(0.008045, within(1e-5));
        assertThat(d.significant()).isTrue();
        // (1.96 + 0.8416) * sqrt(0.6 * 0.4 * (1/80 + 1/70))
        assertThat(d.minimumDetectableEffect()).isCloseTo(0.224627, within(1e-5));
    }

    @Test
    void proportions_equalRates_zeroAndNotSignificant() {
        Stats.Difference d = Stats.proportions(100, 1000, 25, 250);

        assertThat(d.difference()).isCloseTo(0, within(1e-12));
        assertThat(d.pValue()).isCloseTo(1, within(1e-9));
        assertThat(d.significant()).isFalse();
        assertThat(Stats.proportions(0, 0, 1, 10)).isNull();
    }

    @Test
    void ratio_threeCases_deltaMethodByHand() {
        // R = 350 / 600; residuals y - R x = -8.33, -116.67, 125; sqrt(29305.6 / (3 * 2)) / 200 = 0.34944
        Stats.Ratio r = Stats.ratio(new double[] {100, 200, 300}, new double[] {50, 0, 300});

        assertThat(r.value()).isCloseTo(350.0 / 600, within(1e-12));
        assertThat(r.se()).isCloseTo(0.349441, within(1e-5));
        assertThat(r.interval().low()).isCloseTo(350.0 / 600 - 1.959964 * 0.349441, within(1e-4));
        assertThat(Stats.ratio(new double[] {0, 0}, new double[] {0, 0})).isNull();
        assertThat(Stats.ratio(new double[] {10}, new double[] {5})).isNull();
    }

    @Test
    void ratios_difference_welchZOnTheTwoStandardErrors() {
        Stats.Ratio a = new Stats.Ratio(0.20, 0.004, 80_000);
        Stats.Ratio b = new Stats.Ratio(0.23, 0.008, 20_000);

        Stats.Difference d = Stats.ratios(a, b);

        double se = Math.sqrt(0.004 * 0.004 + 0.008 * 0.008);
        assertThat(d.difference()).isCloseTo(0.03, within(1e-12));
        assertThat(d.statistic()).isCloseTo(0.03 / se, within(1e-9));
        assertThat(d.pValue()).isCloseTo(Stats.twoSidedP(0.03 / se), within(1e-12)).isLessThan(0.001);
        assertThat(d.minimumDetectableEffect()).isCloseTo((1.959964 + 0.841621) * se, within(1e-6));
        assertThat(d.low()).isCloseTo(0.03 - 1.959964 * se, within(1e-6));
    }

    @Test
    void twoSidedP_1point96_isFivePercent() {
        assertThat(Stats.twoSidedP(1.959964)).isCloseTo(0.05, within(1e-6));
        assertThat(Stats.twoSidedP(-1.959964)).isCloseTo(0.05, within(1e-6));
    }
}
