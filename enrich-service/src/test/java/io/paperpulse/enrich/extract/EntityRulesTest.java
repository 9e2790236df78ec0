package io.paperpulse.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.paperpulse.contracts.Entity;

/** One test per entity rule, each with what it must find and what it must leave alone. */
class EntityRulesTest {

    private static List<String> names(String abstractText) {
        return Seed.names("A study", abstractText);
    }

    @Test
    void modelLikeTokensAreModels() {
        List<String> n = names("We compare SOBertBase, MobileNetV3-large, ResNet50-D and Llama2 on it.");
        assertTrue(n.containsAll(List.of("MODEL:SOBertBase", "MODEL:MobileNetV3-large", "MODEL:ResNet50-D", "MODEL:Llama2")), n.toString());
    }

    @Test
    void commonCapitalisedAndAllCapsWordsAreNot() {
        List<String> n = names("Recent AI work on NLP reaches SOTA on GPUs. Models are large. The F1 on COVID-19 data "
                + "is high and Phase II starts. Sentences begin with Capitals. Our iPhone app uses ReLU.");
        assertTrue(n.isEmpty(), n.toString());
    }

    @Test
    void knownNamesExtendToTheirVariants() {
        List<String> n = names("ResNet-50 and ERNIE 3.0 and BERT-Large, but not GPT-based models or ImageNet 224 x 224.");
        assertTrue(n.containsAll(List.of("MODEL:ResNet-50", "MODEL:ERNIE 3.0", "MODEL:BERT-Large", "MODEL:GPT",
                "DATASET:ImageNet")), n.toString());
        assertFalse(n.contains("MODEL:GPT-based"), n.toString());
        assertFalse(n.stream().anyMatch(s -> s.startsWith("DATASET:ImageNet 224")), n.toString());
    }

    @Test
    void theXDatasetBenchmarkCorpusLeaderboard() {
        List<String> n = names("We evaluate on the Cora dataset, the SuperGLUE benchmark and the Arena Hard leaderboard, "
                + "and build a new corpus from the same image dataset.");
        assertTrue(n.containsAll(List.of("DATASET:Cora", "DATASET:SuperGLUE", "DATASET:Arena Hard")), n.toString());
        assertEquals(3, n.size(), n.toString());
    }

    @Test
    void datasetListsAfterSuchAsOrIncluding() {
        List<String> n = names("Results on standard datasets, including Cora, PubMed, ogbn-arxiv, as well as tape-arxiv23.");
        assertTrue(n.containsAll(List.of("DATASET:Cora", "DATASET:PubMed", "DATASET:ogbn-arxiv")), n.toString());
    }

    @Test
    void weProposeXIsTypedByItsNoun() {
        assertTrue(names("In this paper, we propose Zephyrus, a method that prunes heads.").contains("METHOD:Zephyrus"));
        assertTrue(names("We introduce a new biomedical language model (Quillon).").contains("MODEL:Quillon"));
        assertTrue(names("We present a pretraining technique called Morrow, which helps.").contains("METHOD:Morrow"));
        assertTrue(names("we propose self-distillation as a regularization.").isEmpty());
    }

    @Test
    void acronymAndLongFormAreBothEntitiesTypedByTheHeadNoun() {
        List<String> n = names("We release the Biomedical Language Understanding & Reasoning Benchmark (BLURB). "
                + "We present Prior-Data Fitted Networks (PFNs) for it.");
        assertTrue(n.containsAll(List.of("DATASET:Biomedical Language Understanding & Reasoning Benchmark", "DATASET:BLURB",
                "MODEL:Prior-Data Fitted Networks", "MODEL:PFNs")), n.toString());
    }

    @Test
    void acronymsOfFieldsParadigmsAndFamiliesAreNotEntities() {
        List<String> n = names("Self-supervised learning (SSL) helps large language models (LLMs) and text-attributed "
                + "graphs (TAGs); TAG datasets are common.");
        assertTrue(n.isEmpty(), n.toString());
    }

    @Test
    void reverseDefinitionsAndStandsFor() {
        List<String> n = names("We present CaseHOLD (Case Holdings On Legal Decisions), a new dataset. Selfie, which stands "
                + "for SELFie supervised Image Embedding, is a pretraining technique.");
        assertTrue(n.containsAll(List.of("DATASET:CaseHOLD", "DATASET:Case Holdings On Legal Decisions",
                "METHOD:Selfie", "METHOD:SELFie supervised Image Embedding")), n.toString());
    }

    @Test
    void possessorOfAModelIsAnOrganisation() {
        List<String> n = names("Models in Acme's GPT series dwarf Initech's RoBERTa, but BERT's gains remain.");
        assertTrue(n.containsAll(List.of("ORG:Acme", "ORG:Initech")), n.toString());
        assertFalse(n.contains("ORG:BERT"), n.toString());
    }

    @Test
    void taskListsAfterTasks() {
        List<String> n = names("We use four downstream tasks - question quality prediction, closed question prediction, "
                + "named entity recognition and obsoletion prediction (a new task we introduce).");
        assertTrue(n.containsAll(List.of("TASK:question quality prediction", "TASK:closed question prediction",
                "TASK:named entity recognition", "TASK:obsoletion prediction")), n.toString());
    }

    @Test
    void aListThatNamesAListedTaskIsAListOfTasks() {
        List<String> n = names("In other domains, such as time series prediction, video analysis, and open question "
                + "answering, order matters.");
        assertEquals(List.of("TASK:time series prediction", "TASK:video analysis", "TASK:open question answering"), n);
        List<String> m = names("It helps in areas such as weather analysis and climate analysis.");
        assertTrue(m.isEmpty(), "no listed task in the list: " + m);
        assertEquals(List.of("TASK:weather analysis", "TASK:question answering"),
                names("It helps in areas such as weather analysis and question answering."));
    }

    @Test
    void anAndBetweenTwoNamesWithTheirHeadNounsJoinsTwoNames() {
        assertEquals(List.of("MODEL:Neural Turing Machines", "MODEL:Hopfield Networks"),
                names("More complex architectures such as Neural Turing Machines and Hopfield Networks were proposed."));
    }

    @Test
    void aTitleNameBeforeBenchmarkingOrEvaluatingIsABenchmark() {
        assertEquals(List.of("DATASET:TripScore", "TASK:travel planning"),
                Seed.names("TripScore: Benchmarking travel planning with fine-grained evaluation", "TripScore rates plans."));
    }

    @Test
    void aListedReleaseWrittenInAnotherCaseKeepsItsType() {
        assertEquals(List.of("DATASET:Cifar-10", "DATASET:CIFAR-10"), names("Results on Cifar-10 match those on CIFAR-10."));
    }

    @Test
    void aSettingWordAfterAHyphenIsNoVariant() {
        assertEquals(List.of("DATASET:Wikipedia", "MODEL:BERT-Large"), names("We build a Wikipedia-Free corpus for BERT-Large."));
    }

    @Test
    void praiseAndSettingWordsAreNoPartOfATaskName() {
        List<String> n = names("It shows powerful semantic segmentation, data-efficient keyphrase generation and "
                + "superior text classification.");
        assertEquals(List.of("TASK:semantic segmentation", "TASK:keyphrase generation", "TASK:text classification"), n);
    }

    @Test
    void titleCaseIsNoEvidenceButATitlePrefixNameIs() {
        List<String> n = Seed.names("Pre-Trained Models: Past, Present and Future", "A review of pre-trained models.");
        assertTrue(n.isEmpty(), n.toString());
        List<String> m = Seed.names("Quillon: Efficient Tuning of Pre-trained Language Models", "We show that Quillon helps.");
        assertEquals(List.of("METHOD:Quillon"), m);
    }

    @Test
    void nothingInsideUrls() {
        List<String> n = names("Code at https://github.com/OpenAI/CLIP and github.com/edwardjhu/TP4 for BERT.");
        assertEquals(List.of("MODEL:BERT"), n);
    }

    @Test
    void oneEntryPerTypeAndSurfaceFirstOccurrenceTitleFirstWithNfcOffsets() {
        String title = "Text Classification with BERT";
        String abs = "We apply BERT to text classification and Text Classification of caf\u0065\u0301 reviews with BERT.";
        List<Entity> es = Seed.entities(title, abs);
        assertEquals(List.of("Text Classification", "BERT", "text classification"), es.stream().map(Entity::text).toList());
        assertEquals(Entity.TITLE, es.get(1).field());
        String nfc = Normalizer.normalize(abs, Normalizer.Form.NFC);
        for (Entity e : es) {
            String field = e.field().equals(Entity.TITLE) ? title : nfc;
            assertEquals(e.text(), field.substring(e.start(), e.end()));
        }
    }

    @Test
    void offsetsAreInTheNfcText() {
        String abs = "Cafe\u0301 reviews are classified by RoBERTa.";
        Entity e = Seed.entities("", abs).get(0);
        assertEquals("RoBERTa", e.text());
        assertEquals(Normalizer.normalize(abs, Normalizer.Form.NFC).indexOf("RoBERTa"), e.start());
    }

    @Test
    void versionedAndSizedNamesReachTheirFullName() {
        List<String> n = names("We compare ERNIE 3.0 VL 7B, GPT 8x7B, CLIP b2.4, Orion-1.5-Pro and Vega-7B with BERT 2019.");
        assertTrue(n.containsAll(List.of("MODEL:ERNIE 3.0 VL 7B", "MODEL:GPT 8x7B", "MODEL:CLIP b2.4",
                "MODEL:Orion-1.5-Pro", "MODEL:Vega-7B", "MODEL:BERT")), n.toString());
    }

    @Test
    void aKnownFamilysReleaseInAnyCaseIsAModel() {
        List<String> n = names("We test gpt-5.3-codex and ernie-4.5, not bert-based models or gpt-style prompts.");
        assertEquals(List.of("MODEL:gpt-5.3-codex", "MODEL:ernie-4.5"), n);
    }

    @Test
    void taskPhrasesByTheirHeadAndModifiers() {
        List<String> n = names("We target 3D mesh generation and crystal structure generation, and efficient code retrieval. "
                + "Controllable video generation is hard. We aim to guide speech recognition, and the generation of text.");
        assertEquals(List.of("TASK:3D mesh generation", "TASK:crystal structure generation", "TASK:code retrieval",
                "TASK:Controllable video generation", "TASK:speech recognition"), n);
        assertEquals(List.of("TASK:Protein Generation"), Seed.names("On Protein Generation with Fine-Tuned Prompt Generation", ""));
    }

    @Test
    void aTaskPhraseMatchesWithAHyphenForASpaceAndKeepsItsLatinModifier() {
        assertEquals(List.of("TASK:question-answering", "TASK:sentiment analysis"),
                names("We evaluate question-answering and sentiment analysis."));
        assertEquals(List.of("TASK:de novo protein design", "TASK:in silico perturbation prediction"),
                names("We study de novo protein design and in silico perturbation prediction."));
        // "in" alone stays out: "advances in protein design" is "protein design"
        assertEquals(List.of("TASK:protein design"), names("We report advances in protein design."));
    }

    @Test
    void aNamesOwnHeadAndReleaseShapeGiveItsType() {
        List<String> n = names("We present VoxBench, a novel framework, and Observe-R1, a novel framework, and build Tab-10K. "
                + "We also propose Zephyrus, a novel framework.");
        assertTrue(n.containsAll(List.of("DATASET:VoxBench", "MODEL:Observe-R1", "DATASET:Tab-10K", "METHOD:Zephyrus")),
                n.toString());
    }

    @Test
    void aMakerIsAnOrgBesideItsProductButNotInsideACompound() {
        List<String> n = names("We compare OpenAI GPT-4, RoBERTa (Quillsoft) and Meta's ChatGPT. Meta-learning helps.");
        assertEquals(List.of("ORG:OpenAI", "MODEL:GPT-4", "MODEL:RoBERTa", "ORG:Quillsoft", "ORG:Meta", "MODEL:ChatGPT"), n);
        assertEquals(List.of("MODEL:RoBERTa"), names("We fine-tune RoBERTa (Table 2) and RoBERTa (Transformer) on it."));
    }

    @Test
    void familiesTheConventionsLeaveUnlabelledAreNoNames() {
        assertEquals(List.of(), names("Large Reasoning Models (LRMs), LVLMs and VLA models reach SoTA."));
    }

    @Test
    void titleTaskPhrasesAfterASettingWordAndConversions() {
        assertEquals(List.of("TASK:Video Inpainting"), Seed.names("Efficient Video Inpainting with Diffusion", ""));
        List<String> n = names("We study sim-to-real transfer and one-shot text-to-image synthesis, not end-to-end transfer.");
        assertEquals(List.of("TASK:sim-to-real transfer", "TASK:text-to-image synthesis"), n);
        assertEquals(List.of("TASK:speech recognition"), names("It asks subquestions that guide speech recognition."));
    }
}
