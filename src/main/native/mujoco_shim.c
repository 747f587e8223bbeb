// The workbench's binding to MuJoCo (Debian's libmujoco): one JNI call per environment step,
// reset or state set, so that no struct layout is written by hand in Java. Compiled by the
// Maven build (src/main/native/build.sh) against the installed headers.
#include <jni.h>
#include <mujoco/mujoco.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    mjModel *m;
    mjData *d;
} Sim;

static void throw_state(JNIEnv *env, const char *msg) {
    jclass c = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, msg);
    }
}

static void throw_argument(JNIEnv *env, const char *msg) {
    jclass c = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, msg);
    }
}

// The library's version, e.g. 222 for 2.2.2.
JNIEXPORT jint JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_version(JNIEnv *env, jclass cls) {
    return mj_version();
}

// The version of the headers this shim was compiled against.
JNIEXPORT jint JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_headerVersion(JNIEnv *env, jclass cls) {
    return mjVERSION_HEADER;
}

// Compiles a model from MJCF text; returns a handle, or throws with the compiler's message.
JNIEXPORT jlong JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_load(JNIEnv *env, jclass cls, jstring xml) {
    const char *text = (*env)->GetStringUTFChars(env, xml, NULL);
    if (text == NULL) {
        return 0;
    }
    char error[1000] = "";
    // The VFS is large (its file names alone take megabytes): on the heap, not the JNI stack.
    mjVFS *vfs = (mjVFS *) malloc(sizeof(mjVFS));
    if (vfs == NULL) {
        (*env)->ReleaseStringUTFChars(env, xml, text);
        throw_state(env, "out of memory");
        return 0;
    }
    mj_defaultVFS(vfs);
    if (mj_makeEmptyFileVFS(vfs, "model.xml", (int) strlen(text)) != 0) {
        (*env)->ReleaseStringUTFChars(env, xml, text);
        mj_deleteVFS(vfs);
        free(vfs);
        throw_state(env, "MuJoCo could not hold the model text in memory");
        return 0;
    }
    int file = mj_findFileVFS(vfs, "model.xml");
    memcpy(vfs->filedata[file], text, strlen(text));
    (*env)->ReleaseStringUTFChars(env, xml, text);
    mjModel *m = mj_loadXML("model.xml", vfs, error, sizeof(error));
    mj_deleteVFS(vfs);
    free(vfs);
    if (m == NULL) {
        throw_argument(env, error[0] ? error : "MuJoCo could not compile the model");
        return 0;
    }
    mjData *d = mj_makeData(m);
    Sim *s = (Sim *) malloc(sizeof(Sim));
    if (d == NULL || s == NULL) {
        if (d != NULL) {
            mj_deleteData(d);
        }
        mj_deleteModel(m);
        free(s);
        throw_state(env, "MuJoCo could not allocate the simulation's data");
        return 0;
    }
    s->m = m;
    s->d = d;
    return (jlong) (intptr_t) s;
}

JNIEXPORT void JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_free(JNIEnv *env, jclass cls, jlong h) {
    Sim *s = (Sim *) (intptr_t) h;
    if (s != NULL) {
        mj_deleteData(s->d);
        mj_deleteModel(s->m);
        free(s);
    }
}

// Sizes: [nq, nv, nu, ngeom, nbody]; the timestep.
JNIEXPORT jintArray JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_sizes(JNIEnv *env, jclass cls, jlong h) {
    Sim *s = (Sim *) (intptr_t) h;
    jint v[5] = {s->m->nq, s->m->nv, s->m->nu, s->m->ngeom, s->m->nbody};
    jintArray out = (*env)->NewIntArray(env, 5);
    if (out != NULL) {
        (*env)->SetIntArrayRegion(env, out, 0, 5, v);
    }
    return out;
}

JNIEXPORT jdouble JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_timestep(JNIEnv *env, jclass cls, jlong h) {
    Sim *s = (Sim *) (intptr_t) h;
    return s->m->opt.timestep;
}

// Each actuator's control range, [lo0, hi0, lo1, hi1, ...].
JNIEXPORT jdoubleArray JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_ctrlRange(JNIEnv *env, jclass cls, jlong h) {
    Sim *s = (Sim *) (intptr_t) h;
    jdoubleArray out = (*env)->NewDoubleArray(env, 2 * s->m->nu);
    if (out != NULL) {
        (*env)->SetDoubleArrayRegion(env, out, 0, 2 * s->m->nu, s->m->actuator_ctrlrange);
    }
    return out;
}

static void copy_state(JNIEnv *env, Sim *s, jdoubleArray state) {
    (*env)->SetDoubleArrayRegion(env, state, 0, s->m->nq, s->d->qpos);
    (*env)->SetDoubleArrayRegion(env, state, s->m->nq, s->m->nv, s->d->qvel);
}

// mj_resetData, then qpos ++ qvel from `state`, then mj_forward.
JNIEXPORT void JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_setState(JNIEnv *env, jclass cls, jlong h, jdoubleArray state) {
    Sim *s = (Sim *) (intptr_t) h;
    if ((*env)->GetArrayLength(env, state) != s->m->nq + s->m->nv) {
        throw_argument(env, "the state must hold qpos and qvel");
        return;
    }
    mj_resetData(s->m, s->d);
    (*env)->GetDoubleArrayRegion(env, state, 0, s->m->nq, s->d->qpos);
    (*env)->GetDoubleArrayRegion(env, state, s->m->nq, s->m->nv, s->d->qvel);
    mj_forward(s->m, s->d);
}

// One environment step: ctrl = controls, frameSkip x mj_step, mj_rnePostConstraint; the new
// qpos ++ qvel into `state`.
JNIEXPORT void JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_step(JNIEnv *env, jclass cls, jlong h, jdoubleArray controls,
                                                                 jint frameSkip, jdoubleArray state) {
    Sim *s = (Sim *) (intptr_t) h;
    (*env)->GetDoubleArrayRegion(env, controls, 0, s->m->nu, s->d->ctrl);
    for (int i = 0; i < frameSkip; i++) {
        mj_step(s->m, s->d);
    }
    mj_rnePostConstraint(s->m, s->d);
    copy_state(env, s, state);
}

// Every geom's pose and shape for drawing: per geom [type, size0, size1, size2, x, y, z, 9 of xmat].
JNIEXPORT void JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_geoms(JNIEnv *env, jclass cls, jlong h, jdoubleArray out) {
    Sim *s = (Sim *) (intptr_t) h;
    int n = s->m->ngeom;
    double *buf = (double *) malloc(sizeof(double) * 16 * (n > 0 ? n : 1));
    if (buf == NULL) {
        throw_state(env, "out of memory");
        return;
    }
    for (int g = 0; g < n; g++) {
        double *row = buf + 16 * g;
        row[0] = s->m->geom_type[g];
        for (int k = 0; k < 3; k++) {
            row[1 + k] = s->m->geom_size[3 * g + k];
            row[4 + k] = s->d->geom_xpos[3 * g + k];
        }
        for (int k = 0; k < 9; k++) {
            row[7 + k] = s->d->geom_xmat[9 * g + k];
        }
    }
    (*env)->SetDoubleArrayRegion(env, out, 0, 16 * n, buf);
    free(buf);
}

// The model's reference configuration qpos0 (what Gymnasium's init_qpos is).
JNIEXPORT jdoubleArray JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_qpos0(JNIEnv *env, jclass cls, jlong h) {
    Sim *s = (Sim *) (intptr_t) h;
    jdoubleArray out = (*env)->NewDoubleArray(env, s->m->nq);
    if (out != NULL) {
        (*env)->SetDoubleArrayRegion(env, out, 0, s->m->nq, s->m->qpos0);
    }
    return out;
}

// The position of a body's frame in the world (data.xpos) as the last step or state set left it.
JNIEXPORT void JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_bodyPosition(JNIEnv *env, jclass cls, jlong h, jint body,
                                                                         jdoubleArray out) {
    Sim *s = (Sim *) (intptr_t) h;
    if (body < 0 || body >= s->m->nbody) {
        throw_argument(env, "no such body");
        return;
    }
    (*env)->SetDoubleArrayRegion(env, out, 0, 3, s->d->xpos + 3 * body);
}

// The shim's own loop, for the benchmark that measures what the JNI crossing costs: `steps`
// environment steps with the same controls and no copying out.
JNIEXPORT void JNICALL Java_dev_mbpo_env_mujoco_MujocoNative_stepLoop(JNIEnv *env, jclass cls, jlong h, jdoubleArray controls,
                                                                     jint frameSkip, jint steps) {
    Sim *s = (Sim *) (intptr_t) h;
    for (int k = 0; k < steps; k++) {
        (*env)->GetDoubleArrayRegion(env, controls, 0, s->m->nu, s->d->ctrl);
        for (int i = 0; i < frameSkip; i++) {
            mj_step(s->m, s->d);
        }
        mj_rnePostConstraint(s->m, s->d);
    }
}
