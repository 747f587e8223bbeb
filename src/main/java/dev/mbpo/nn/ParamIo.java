package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Saves and restores tensors with DJL's NDList encoding (exact round trip). Loading writes
 * into existing tensors in place, so that optimisers and views that hold them stay valid,
 * and checks every shape first.
 */
public final class ParamIo {
    private ParamIo() {
    }

    public static void save(List<NDArray> tensors, OutputStream out) throws IOException {
        NDList list = new NDList(tensors.size());
        list.addAll(tensors);
        list.encode(out);
    }

    /**
     * Reads tensors saved by {@link #save} into {@code into}, in place.
     *
     * @param what names the data in error messages (e.g. "policy checkpoint")
     * @throws IOException when the stream is not such a list or a count or shape differs
     */
    public static void load(List<NDArray> into, InputStream in, NDManager scratch, String what) throws IOException {
        try (NDManager m = scratch.newSubManager()) {
            NDList list;
            try {
                list = NDList.decode(m, in);
            } catch (RuntimeException e) {
                throw new IOException(what + ": not a tensor list (" + e.getMessage() + ")", e);
            }
            if (list.size() != into.size()) {
                throw new IOException(what + ": holds " + list.size() + " tensors, the configured networks need " + into.size());
            }
            for (int i = 0; i < into.size(); i++) {
                if (!list.get(i).getShape().equals(into.get(i).getShape())) {
                    throw new IOException(what + ": tensor " + i + " has shape " + list.get(i).getShape()
                            + ", the configured networks need " + into.get(i).getShape());
                }
            }
            for (int i = 0; i < into.size(); i++) {
                NDArray dst = into.get(i);
                dst.set(new ai.djl.ndarray.index.NDIndex("..."), list.get(i)); // a copy, also over NaN (0 x NaN is NaN)
            }
        }
    }
}
