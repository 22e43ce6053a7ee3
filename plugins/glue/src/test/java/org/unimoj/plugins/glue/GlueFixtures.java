package org.unimoj.plugins.glue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small files in the exact layouts GLUE distributes (header rows, columns, MNLI's two dev files, STS-B's float scores). */
final class GlueFixtures {

    private GlueFixtures() {}

    static final String SST2_TRAIN = "sentence\tlabel\n"
            + "hide new secretions from the parental units \t0\n"
            + "contains no wit , only labored gags \t0\n"
            + "that loves its characters and communicates something rather beautiful about human nature \t1\n"
            + "remains utterly satisfied to remain the same throughout \t0\n"
            + "a good film \t1\n";
    static final String SST2_DEV = "sentence\tlabel\n"
            + "it 's a charming and often affecting journey . \t1\n"
            + "unflinchingly bleak and desperate \t0\n"
            + "allows us to hope that nolan is poised to embark a major career as a commercial yet inventive filmmaker . \t1\n"
            + "the acting , costumes , music , cinematography and sound are all astounding given the production 's austere locales . \t1\n";
    static final String SST2_TEST = "index\tsentence\n"
            + "0\tuneasy mishmash of styles and genres .\n"
            + "1\tthis film 's relationship to actual tension is the same as what christmas-tree flocking in a spray can is to actual snow : a poor -- if durable -- imitation .\n"
            + "2\tby the end of no such thing the audience , like beatrice , has a watchful affection for the monster .\n";

    static final String COLA_TRAIN = "gj04\t1\t\tOur friends won't buy this analysis, let alone the next one we propose.\n"
            + "gj04\t1\t\tOne more pseudo generalization and I'm giving up.\n"
            + "gj04\t0\t*\tThey drank the pub.\n";
    static final String COLA_DEV = "gj04\t1\t\tThe sailors rode the breeze clear of the rocks.\n"
            + "gj04\t1\t\tThe weights made the rope stretch over the pulley.\n"
            + "gj04\t0\t*\tThe horse kicked me black and blue.\n"
            + "gj04\t0\t*\tMary wonders for Bill to come.\n"
            + "gj04\t1\t\tThe more you eat, the more you want.\n";
    static final String COLA_TEST = "index\tsentence\n0\tBill whistled past the house.\n1\tThe car honked its way down the road.\n";

    static final String MNLI_TRAIN_HEADER = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tgold_label\n";
    static final String MNLI_DEV_HEADER = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\tlabel1\tlabel2\tlabel3\tlabel4\tlabel5\tgold_label\n";
    static final String MNLI_TEST_HEADER = "index\tpromptID\tpairID\tgenre\tsentence1_binary_parse\tsentence2_binary_parse\tsentence1_parse\tsentence2_parse\tsentence1\tsentence2\n";

    static String mnliTrainRow(int index, String s1, String s2, String label) {
        return index + "\t31193\t31193n\tgovernment\t( ( " + s1 + " ) )\t( ( " + s2 + " ) )\t(ROOT (S))\t(ROOT (S))\t" + s1 + "\t" + s2 + "\t" + label + "\t" + label + "\n";
    }

    static String mnliDevRow(int index, String s1, String s2, String gold) {
        return index + "\t63735\t63735n\tslate\t( ( " + s1 + " ) )\t( " + s2 + " )\t(ROOT)\t(ROOT)\t" + s1 + "\t" + s2 + "\t" + gold + "\tneutral\t" + gold + "\t"
                + gold + "\tcontradiction\t" + gold + "\n";
    }

    static String mnliTestRow(int index, String s1, String s2) {
        return index + "\t31493\t31493\ttravel\t( ( " + s1 + " ) )\t( ( " + s2 + " ) )\t(ROOT)\t(ROOT)\t" + s1 + "\t" + s2 + "\n";
    }

    static final String STSB_HEADER = "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\tscore\n";
    static final String STSB_TEST_HEADER = "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1\tsentence2\n";

    static String stsbRow(int index, String s1, String s2, String score) {
        return index + "\tmain-captions\tMSRvid\t2012test\t" + String.format("%04d", index) + "\tnone\tnone\t" + s1 + "\t" + s2
                + (score == null ? "" : "\t" + score) + "\n";
    }

    static void write(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), content);
    }

    /** A GLUE download: {@code glue_data/{SST-2,CoLA,MNLI,STS-B}} with the official files. */
    static Path glueData(Path root) throws IOException {
        Path sst = root.resolve("SST-2");
        write(sst, "train.tsv", SST2_TRAIN);
        write(sst, "dev.tsv", SST2_DEV);
        write(sst, "test.tsv", SST2_TEST);
        Path cola = root.resolve("CoLA");
        write(cola, "train.tsv", COLA_TRAIN);
        write(cola, "dev.tsv", COLA_DEV);
        write(cola, "test.tsv", COLA_TEST);
        Path mnli = root.resolve("MNLI");
        write(mnli, "train.tsv", MNLI_TRAIN_HEADER
                + mnliTrainRow(0, "Conceptually cream skimming has two basic dimensions - product and geography.",
                        "Product and geography are what make cream skimming work. ", "neutral")
                + mnliTrainRow(1, "you know during the season and i guess at at your level uh you lose them to the next level if \"if they decide to recall the the parent team\"",
                        "You lose the things to the following level if the people recall.", "entailment")
                + mnliTrainRow(2, "One of our number will carry out your instructions minutely.", "A member of my team will execute your orders with immense precision.",
                        "entailment")
                + mnliTrainRow(3, "How do you know? All this is their information again.", "This information belongs to them.", "contradiction"));
        write(mnli, "dev_matched.tsv", MNLI_DEV_HEADER
                + mnliDevRow(0, "The new rights are nice enough", "Everyone really likes the newest benefits ", "neutral")
                + mnliDevRow(1, "This site includes a list of all award winners and a searchable database of Government Executive articles.",
                        "The Government Executive articles housed on the website are not able to be searched.", "contradiction")
                + mnliDevRow(2, "uh i don't know i i have mixed emotions about him", "I like him for the most part, but would still enjoy seeing someone beat him.",
                        "entailment"));
        write(mnli, "dev_mismatched.tsv", MNLI_DEV_HEADER
                + mnliDevRow(0, "Your contribution helped make it possible for us to provide our students with a quality education.",
                        "Your contributions were of no help with our students' education.", "contradiction")
                + mnliDevRow(1, "The answer has nothing to do with their cause.", "Their cause is unrelated to the answer.", "entailment"));
        write(mnli, "test_matched.tsv", MNLI_TEST_HEADER
                + mnliTestRow(0, "Hierbas, ans seco, ans dulce, and frigola are just a few names worth keeping a look-out for.", "Hierbas is a name worth looking out for."));
        write(mnli, "test_mismatched.tsv", MNLI_TEST_HEADER
                + mnliTestRow(0, "What have you decided, what are you going to do?", "So what's your decision?")
                + mnliTestRow(1, "Some of these fallen attitudes were the results of the war.", "The war had no effect on attitudes."));
        Path sts = root.resolve("STS-B");
        write(sts, "train.tsv", STSB_HEADER
                + stsbRow(0, "A plane is taking off.", "An air plane is taking off.", "5.000")
                + stsbRow(1, "A man is playing a large flute.", "A man is playing a flute.", "3.800")
                + stsbRow(2, "A man is spreading shreded cheese on a pizza.", "A man is spreading shredded cheese on an uncooked pizza.", "3.800"));
        write(sts, "dev.tsv", STSB_HEADER
                + stsbRow(0, "A man with a hard hat is dancing.", "A man wearing a hard hat is dancing.", "5.000")
                + stsbRow(1, "A young child is riding a horse.", "A child is riding a horse.", "4.750")
                + stsbRow(2, "A man is feeding a mouse to a snake.", "The man is feeding a mouse to the snake.", "5.000")
                + stsbRow(3, "A woman is playing the guitar.", "A man is playing guitar.", "2.400"));
        write(sts, "test.tsv", STSB_TEST_HEADER
                + stsbRow(0, "A girl is styling her hair.", "A girl is brushing her hair.", null)
                + stsbRow(1, "A group of men play soccer on the beach.", "A group of boys are playing soccer on the beach.", null));
        return root;
    }
}
