package io.paperpulse.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.Metric;

/** One test per metric rule: span, kind and value as the guidelines define them, and what is no metric. */
class MetricRulesTest {

    private static List<String> metrics(String abstractText) {
        return Seed.EXTRACTOR.extract("T", abstractText).metrics().stream()
                .map(m -> m.kind() + ":" + m.text() + "=" + m.value()).toList();
    }

    @Test
    void percentagesAreScoresUnlessAChangeOrAFraction() {
        assertEquals(List.of("accuracy:83.6%=83.6", "improvement:0.1%=0.1"),
                metrics("It obtains 83.6% top-1 accuracy, with 0.1% higher accuracy."));
        assertEquals(List.of("accuracy:73.9%=73.9", "other:1%=1.0"),
                metrics("It reaches 73.9% top-1 accuracy with just 1% of the labels."));
        assertEquals(List.of("improvement:3.6%=3.6"), metrics("Our method improves the performance by 3.6%."));
        assertEquals(List.of("improvement:+0.8%=0.8"), metrics("It surpasses humans by +0.8% on the benchmark."));
    }

    @Test
    void degreesActivatedExpertsAndCompoundDataNouns() {
        assertEquals(List.of("other:26.5°=26.5", "other:100°C=100.0"), metrics("It climbs 26.5° slopes and works at 100°C."));
        assertEquals(List.of("params:53.3B=5.33E10", "params:13.3B=1.33E10", "size:1M=1000000.0"),
                metrics("With 53.3B total parameters and 13.3B activated, it serves 1M active users."));
        assertEquals(List.of("size:25,000 image-text pairs=25000.0", "size:1,200=1200.0"),
                metrics("It holds 25,000 image-text pairs and 1,200 annotated samples."));
    }

    @Test
    void fromAToBIsAChangeOfTwoScoresButARangeOtherwise() {
        assertEquals(List.of("accuracy:35.6%=35.6", "accuracy:46.7%=46.7", "improvement:11.1 points=11.1"),
                metrics("It improves the accuracy from 35.6% to 46.7%, an improvement of 11.1 points."));
        assertEquals(List.of("other:5% to 100%=null"), metrics("With varying amounts of labeled data, from 5% to 100% of the training sets."));
        assertEquals(List.of("accuracy:92.7-98.1%=null"), metrics("It attains 92.7-98.1% of the accuracy of a baseline."));
    }

    @Test
    void decreasesAreNegative() {
        assertEquals(List.of("cost:25%=-25.0"), metrics("It saves about 25% inference FLOPs."));
        assertEquals(List.of("improvement:72%=-72.0"), metrics("We see a 72% relative reduction in error rate."));
        assertEquals(List.of("other:16.2ms=16.2", "other:2.4ms=-2.4"), metrics("It runs with 16.2ms latency, which is 2.4ms less than before."));
        assertEquals(List.of("improvement:sim0.6 point=-0.6"), metrics("We see a merely sim0.6 point decrease in performance."));
        assertEquals(List.of("cost:38.0%=-38.0"), metrics("It is as good but with about 38.0% fewer GFLOPs."));
    }

    @Test
    void timesAndFold() {
        assertEquals(List.of("speedup:2.88 times=2.88"), metrics("It speeds up training, achieving a 2.88 times improvement."));
        assertEquals(List.of("speedup:200-fold=200.0"), metrics("We obtain over 200-fold speedups."));
        assertEquals(List.of("cost:30x=30.0"), metrics("GPT was trained using 30x more compute."));
        assertEquals(List.of("improvement:10times=10.0"), metrics("This is a 10times improvement in label efficiency."));
        assertEquals(List.of("speedup:3×=3.0"), metrics("The kernel is 3× faster."));
        assertEquals(List.of(), metrics("Images of 224 x 224 pixels and 32x32 crops."));
    }

    @Test
    void countsWithScaleWords() {
        assertEquals(List.of("tokens:2,048 tokens=2048.0", "tokens:0.5M tokens=500000.0", "tokens:27B tokens=2.7E10",
                "params:109M parameters=1.09E8", "params:175 billion parameters=1.75E11"),
                metrics("A context of 2,048 tokens, batches of 0.5M tokens, 27B tokens in all; 109M parameters, "
                        + "unlike the 175 billion parameters of others."));
        assertEquals(List.of("size:400 million=4.0E8", "size:3.5M decisions=3500000.0"),
                metrics("A dataset of 400 million (image, text) pairs and 3.5M decisions."));
        assertEquals(List.of("params:1B=1.0E9", "params:3B parameter=3.0E9"), metrics("With 1B and 3B parameter models."));
    }

    @Test
    void moneyTimeAndMemory() {
        assertEquals(List.of("cost:187=187.0", "cost:\\800=800.0"), metrics("At a budget of just 187 and \\800 each."));
        assertEquals(List.of("cost:$12 USD=12.0"), metrics("It costs less than $12 USD per run."));
        assertEquals(List.of("cost:4 days=4.0"), metrics("We train a model on one GPU for 4 days."));
        assertEquals(List.of("size:4TB=4.0"), metrics("Trained on a 4TB corpus."));
        assertEquals(List.of("size:680,000 hours=680000.0"), metrics("Scaled to 680,000 hours of speech."));
    }

    @Test
    void latexRemnantsAsTheyStand() {
        assertEquals(List.of("improvement:5\\%=5.0"), metrics("An average improvement of approximately 5\\% on it."));
        assertEquals(List.of("size:le13=13.0"), metrics("With le13 labeled images per class."));
    }

    @Test
    void whatIsNoMetric() {
        List<String> none = metrics("In 2021 (July 3, 2021), [12] showed on 54 Chinese NLP tasks, 30 datasets and 611 "
                + "models that GPT-4, ResNet-50, Mistral 7B and top-1 results vary; see Table 3 and Section 4.2.");
        assertTrue(none.isEmpty(), none.toString());
    }

    @Test
    void offsetsPointAtTheSpan() {
        String abs = "It reaches 75.2% and costs \\800.";
        for (Metric m : Seed.EXTRACTOR.extract("T", abs).metrics()) {
            assertEquals(m.text(), abs.substring(m.start(), m.end()));
        }
    }
    @Test
    void latexTimesPercentMathAndBold() {
        assertEquals(List.of("speedup:3\\times=3.0", "speedup:2.5$\\times$=2.5"),
                metrics("It is 3\\times faster, and 2.5$\\times$ faster than that."));
        assertEquals(List.of("accuracy:12.5\\%=12.5", "accuracy:85.2}$\\%=85.2"),
                metrics("It reaches $12.5\\%$ accuracy here and $\\textbf{85.2}$\\% accuracy there."));
        assertEquals(List.of("improvement:5-6\\times=null"), metrics("It shows a $5-6\\times$ gain in sample efficiency."));
    }

    @Test
    void citationMarkersGluedToWordsAreNoMetrics() {
        assertEquals(List.of(), metrics("As in prior work12, results^{3} and BERT[12] hold on GLUE [3, 4] and in accuracy$^{2}$."));
    }

    @Test
    void aSizeInAModelsNameIsNoMetric() {
        assertEquals(List.of("params:7B=7.0E9"), metrics("Mixtral 8x7B and Llama 2 7B do not beat a 7B model."));
    }

    @Test
    void aPercentageBeforeAGainNounIsAnImprovement() {
        assertEquals(List.of("improvement:14.4%=14.4", "improvement:13.3%=13.3", "improvement:3.8%=3.8"),
                metrics("It yields a 14.4% average improvement, up to 13.3% performance gain and a 3.8% enhancement."));
        assertEquals(List.of("accuracy:81.2%=81.2"), metrics("It reaches 81.2% of accuracy on the test set."));
    }

    @Test
    void coordinatedQuantitiesWithLabelsShareTheirKind() {
        assertEquals(List.of("improvement:16.4%=16.4", "improvement:14%=14.0", "improvement:6.45%=6.45"),
                metrics("It improves the success rate by 16.4% (Adroit), 14% (DexArt), and 6.45% (RLBench)."));
    }

    @Test
    void sharesReductionsAndRatesFromTheWordsAround() {
        assertEquals(List.of("cost:85%=-85.0", "other:95%=95.0"),
                metrics("It shows cost reductions of up to 85% while maintaining 95% performance retention."));
        assertEquals(List.of("other:50%=50.0"), metrics("It answers in more than 50% of evaluated interactions."));
        assertEquals(List.of("improvement:6%=-6.0"), metrics("It stays within 6% of full-precision baselines."));
        assertEquals(List.of("other:12.5Hz=12.5", "other:200 bps=200.0"), metrics("A 12.5Hz codec runs at 200 bps."));
        assertEquals(List.of("params:3B=3.0E9"), metrics("We train a 3B language model on puzzles."));
    }

    @Test
    void decibelsAreScoresOrGainsAsPercentagesAre() {
        assertEquals(List.of("improvement:2.08 dB=2.08"), metrics("It yields a PSNR improvement of 2.08 dB for novel viewpoints."));
        assertEquals(List.of("accuracy:32.5dB=32.5"), metrics("It reaches 32.5dB PSNR on the benchmark."));
    }

    @Test
    void aBareNumberBeforeAGainNounIsAnImprovement() {
        assertEquals(List.of("improvement:39.33=39.33", "improvement:0.45=0.45"),
                metrics("It shows a 39.33 increase in average success rate and a 0.45 improvement in scores."));
    }

    @Test
    void aQuantityComparedWithTheOneBeforeSharesItsKind() {
        assertEquals(List.of("accuracy:95.8%=95.8", "accuracy:94.9%=94.9"),
                metrics("It achieves 95.8% accuracy on mouse kidney data versus 94.9% from the best existing model."));
    }

    @Test
    void hyphenTokenCountsAndEfficiencyFactors() {
        assertEquals(List.of("tokens:8192-token=8192.0"), metrics("It is pre-trained in a native 8192-token context."));
        assertEquals(List.of("speedup:3x=3.0"), metrics("The search is 3x more compute-efficient than sampling."));
    }

    @Test
    void aScoreNamedBeforeAComparisonMakesAnImprovement() {
        assertEquals(List.of("accuracy:43.6%=43.6", "improvement:0.9%=0.9", "improvement:2.5%=2.5"),
                metrics("It achieves 43.6% mIoU on ADE20K, which is 0.9% and 2.5% mIoU better than SeaFormer and SegNeXt."));
    }
}
