package org.unimoj.data.scene;

/** An axis-aligned box in pixels, {@code x1 <= x2}, {@code y1 <= y2}, y growing downwards. */
public record Box(int x1, int y1, int x2, int y2) {
    public Box {
        if (x1 > x2 || y1 > y2) {
            throw new IllegalArgumentException("bad box (" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")");
        }
    }

    public int width() {
        return x2 - x1;
    }

    public int height() {
        return y2 - y1;
    }

    public long area() {
        return (long) width() * height();
    }

    /** Twice the centre's x, to stay in integers. */
    public int centerX2() {
        return x1 + x2;
    }

    public boolean inside(int imageWidth, int imageHeight) {
        return x1 >= 0 && y1 >= 0 && x2 <= imageWidth && y2 <= imageHeight;
    }
}
