package dev.mbpo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Saves and restores tensors with DJL's NDList encoding (exact round trip). Loading (and
 * {@link #assign}) writes into existing tensors in place, so that optimisers and views that
 * hold them stay valid, and checks every shape first.
 */
public final class ParamIo {
    private static final NDIndex ALL = new NDIndex("...");

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
                copyInto(into.get(i), list.get(i));
            }
        }
    }

    /**
     * Writes {@code values[i]} into {@code into.get(i)} in place (e.g. a policy snapshot into an
     * acting copy of the actor). {@code NDArray.set(float[])} would not do: it re-points the array
     * at a new Java buffer instead, detaching a view from the array it was cut from.
     */
    public static void assign(List<NDArray> into, float[][] values, NDManager scratch) {
        if (values.length != into.size()) {
            throw new IllegalArgumentException(values.length + " value arrays for " + into.size() + " tensors");
        }
        try (NDManager m = scratch.newSubManager()) {
            for (int i = 0; i < into.size(); i++) {
                NDArray dst = into.get(i);
                copyInto(dst, m.create(values[i], dst.getShape()));
            }
        }
    }

    /** A copy into {@code dst}'s own storage, also over NaN (0 x NaN is NaN). */
    private static void copyInto(NDArray dst, NDArray src) {
        dst.set(ALL, src);
    }
}
