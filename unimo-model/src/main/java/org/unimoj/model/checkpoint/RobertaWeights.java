package org.unimoj.model.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.unimoj.model.nn.ParameterStore;

/**
 * Initialises the text tower (and the LM head) from a Hugging Face RoBERTa
 * {@code model.safetensors}, as the paper initialises UNIMO from RoBERTa. Names map one to one;
 * files saved from {@code RobertaModel} (without the {@code roberta.} prefix) work too.
 * RoBERTa's single token-type row is added to every position row (it is added to every token, so
 * this is exact); its pooler and the tied decoder copy are not used.
 */
public final class RobertaWeights {

    private static final String TOKEN_TYPE = "roberta.embeddings.token_type_embeddings.weight";
    private static final String POSITIONS = "roberta.embeddings.position_embeddings.weight";

    private RobertaWeights() {}

    public static LoadReport load(Path file, ParameterStore params) {
        SafeTensors f = SafeTensors.open(file);
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String name : f.entries().keySet()) {
            if (!name.startsWith("roberta.") && !name.startsWith("lm_head.")) {
                aliases.put(name, "roberta." + name);
            }
        }
        LoadReport r = Checkpoint.load(f, params, aliases);
        List<String> unused = new ArrayList<>(r.unused());
        String tokenType = f.contains(TOKEN_TYPE) ? TOKEN_TYPE : f.contains("embeddings.token_type_embeddings.weight") ? "embeddings.token_type_embeddings.weight" : null;
        if (tokenType != null && r.loaded().contains(POSITIONS)) {
            INDArray positions = params.exportedTensors().get(POSITIONS);
            INDArray row = f.read(tokenType, positions.dataType());
            if (row.rank() != 2 || row.size(1) != positions.size(1)) {
                throw new CheckpointException(file + ": tensor " + tokenType + " has a row length other than the hidden size " + positions.size(1));
            }
            positions.addiRowVector(row.get(NDArrayIndex.point(0), NDArrayIndex.all()));
            unused.remove(tokenType);
        }
        return new LoadReport(r.loaded(), r.missing(), unused);
    }
}
