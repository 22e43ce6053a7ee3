package org.unimoj.data.features;

/**
 * Where the fields of a region-feature TSV line are. Files in the wild come in a few layouts; the
 * reader picks one from the first line's column count unless told.
 *
 * @param name         for messages
 * @param columns      fields per line
 * @param idColumn     image id
 * @param widthColumn  image width in pixels
 * @param heightColumn image height in pixels
 * @param boxesColumn  base64 float32 [num_boxes, 4] (x1, y1, x2, y2 in pixels)
 * @param numBoxesColumn number of regions
 * @param featuresColumn base64 float32 [num_boxes, dim]
 * @param classProbsColumn base64 float32 [num_boxes, classes], or -1 when the layout has none
 */
public record FeatureTsvLayout(String name, int columns, int idColumn, int widthColumn, int heightColumn,
                               int numBoxesColumn, int boxesColumn, int featuresColumn, int classProbsColumn) {

    /** The bottom-up-attention original: image_id, image_w, image_h, num_boxes, boxes, features. */
    public static final FeatureTsvLayout BOTTOM_UP = new FeatureTsvLayout("bottom-up", 6, 0, 1, 2, 3, 4, 5, -1);

    /** The bottom-up layout plus a cls_prob column (the detector's class distribution per region); what the world writes. */
    public static final FeatureTsvLayout BOTTOM_UP_WITH_CLASS_PROBS = new FeatureTsvLayout("bottom-up+cls_prob", 7, 0, 1, 2, 3, 4, 5, 6);

    /**
     * LXMERT's: img_id, img_h, img_w, objects_id, objects_conf, attrs_id, attrs_conf, num_boxes,
     * boxes, features (note: height before width); the object and attribute columns are not read.
     */
    public static final FeatureTsvLayout LXMERT = new FeatureTsvLayout("lxmert", 10, 0, 2, 1, 7, 8, 9, -1);

    /** The layout whose column count is {@code columns}, or null. */
    public static FeatureTsvLayout forColumnCount(int columns) {
        switch (columns) {
            case 6: return BOTTOM_UP;
            case 7: return BOTTOM_UP_WITH_CLASS_PROBS;
            case 10: return LXMERT;
            default: return null;
        }
    }

    public boolean hasClassProbs() {
        return classProbsColumn >= 0;
    }

    /** The field names of this layout, in column order, for messages and headers. */
    public String columnName(int column) {
        if (column == idColumn) return "image_id";
        if (column == widthColumn) return "image_w";
        if (column == heightColumn) return "image_h";
        if (column == numBoxesColumn) return "num_boxes";
        if (column == boxesColumn) return "boxes";
        if (column == featuresColumn) return "features";
        if (column == classProbsColumn) return "cls_prob";
        return "column " + (column + 1);
    }
}
