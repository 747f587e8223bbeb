// The part of DJL 0.36's PyTorch JNI (class ai.djl.pytorch.jni.PyTorchLibrary) that the
// workbench calls, written against ATen so that it compiles with the libtorch a machine already
// has. Why it exists: DJL 0.36's own JNI is built for libtorch 2.7.1, and the device machines
// here have only PyTorch 2.11 (whose tensor layout differs: docs/BENCHMARKS.md, section GPU).
//
// Conventions kept from DJL's Java side (JniUtils, PtNDArray): a tensor handle is a pointer to a
// heap-allocated at::Tensor owned by Java (torchDeleteTensor frees it); a missing tensor is 0;
// data types are DJL's DataType ordinals; devices are {type, index} with CPU 0 and CUDA 1;
// layouts are 0 dense, 1 sparse, 2 MKL-DNN; errors become ai.djl.engine.EngineException.
//
// Functions the workbench does not call are absent: the JVM links natives lazily, so calling one
// ends in UnsatisfiedLinkError naming it. The list was taken with `java -verbose:jni` over the
// benchmarks, then completed by running the test suite on this library; a few close relatives of
// those (other element-wise operations, the remaining index kinds) came along as one-liners.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <ATen/TensorIndexing.h>
#include <ATen/core/grad_mode.h>
#include <jni.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "ai_djl_pytorch_jni_PyTorchLibrary.h"

namespace {

using Index = std::vector<at::indexing::TensorIndex>;

at::Tensor& tensorAt(jlong handle) {
  if (handle == 0) {
    throw std::invalid_argument("null tensor handle");
  }
  return *reinterpret_cast<at::Tensor*>(handle);
}

jlong handleOf(at::Tensor t) { return reinterpret_cast<jlong>(new at::Tensor(std::move(t))); }

void throwJava(JNIEnv* env, const char* message) {
  jclass cls = env->FindClass("ai/djl/engine/EngineException");
  if (cls == nullptr) {  // FindClass left a NoClassDefFoundError pending
    return;
  }
  env->ThrowNew(cls, message);
}

// Runs body; a C++ exception becomes a Java EngineException and the function returns fallback.
template <typename R, typename F>
R guarded(JNIEnv* env, R fallback, F body) {
  try {
    return body();
  } catch (const c10::Error& e) {
    throwJava(env, e.what_without_backtrace());
  } catch (const std::exception& e) {
    throwJava(env, e.what());
  }
  return fallback;
}

template <typename F>
void guardedVoid(JNIEnv* env, F body) {
  guarded<int>(env, 0, [&] {
    body();
    return 0;
  });
}

std::vector<int64_t> longs(JNIEnv* env, jlongArray array) {
  jsize n = env->GetArrayLength(array);
  std::vector<int64_t> out(n);
  if (n > 0) {
    env->GetLongArrayRegion(array, 0, n, reinterpret_cast<jlong*>(out.data()));
  }
  return out;
}

jlongArray javaLongs(JNIEnv* env, const std::vector<int64_t>& values) {
  jlongArray out = env->NewLongArray(static_cast<jsize>(values.size()));
  if (!values.empty()) {
    env->SetLongArrayRegion(out, 0, static_cast<jsize>(values.size()), reinterpret_cast<const jlong*>(values.data()));
  }
  return out;
}

jlongArray handlesOf(JNIEnv* env, const std::vector<at::Tensor>& tensors) {
  std::vector<int64_t> handles;
  handles.reserve(tensors.size());
  for (const auto& t : tensors) {
    handles.push_back(handleOf(t));
  }
  return javaLongs(env, handles);
}

std::vector<at::Tensor> tensorsOf(JNIEnv* env, jlongArray handles) {
  std::vector<at::Tensor> out;
  for (int64_t h : longs(env, handles)) {
    out.push_back(tensorAt(h));
  }
  return out;
}

// DJL's DataType ordinals (FLOAT32, FLOAT64, FLOAT16, UINT8, INT32, INT8, INT64, BOOLEAN,
// COMPLEX64, UNKNOWN, STRING, BFLOAT16, ...).
constexpr jint kUnknownType = 9;

at::ScalarType scalarType(jint dtype) {
  switch (dtype) {
    case 0: return at::kFloat;
    case 1: return at::kDouble;
    case 2: return at::kHalf;
    case 3: return at::kByte;
    case 4: return at::kInt;
    case 5: return at::kChar;
    case 6: return at::kLong;
    case 7: return at::kBool;
    case 8: return at::kComplexFloat;
    case 11: return at::kBFloat16;
    case 15: return at::kShort;
    default: throw std::invalid_argument("unsupported DJL data type ordinal " + std::to_string(dtype));
  }
}

jint dataTypeOrdinal(at::ScalarType type) {
  switch (type) {
    case at::kFloat: return 0;
    case at::kDouble: return 1;
    case at::kHalf: return 2;
    case at::kByte: return 3;
    case at::kInt: return 4;
    case at::kChar: return 5;
    case at::kLong: return 6;
    case at::kBool: return 7;
    case at::kComplexFloat: return 8;
    case at::kBFloat16: return 11;
    case at::kShort: return 15;
    default: return kUnknownType;
  }
}

at::Device deviceOf(JNIEnv* env, jintArray jdevice) {
  jint d[2] = {0, -1};
  env->GetIntArrayRegion(jdevice, 0, 2, d);
  auto type = static_cast<c10::DeviceType>(d[0]);
  if (type == c10::DeviceType::CPU) {
    return at::Device(type);
  }
  return at::Device(type, static_cast<c10::DeviceIndex>(d[1]));
}

// ATen's factories refuse options with requires_grad set; it is applied afterwards.
at::TensorOptions optionsOf(JNIEnv* env, jint dtype, jint layout, jintArray jdevice) {
  if (layout != 0) {
    throw std::invalid_argument("only dense tensors are supported by this JNI (layout " + std::to_string(layout) + ")");
  }
  auto options = at::TensorOptions().device(deviceOf(env, jdevice)).layout(at::kStrided);
  if (dtype != kUnknownType) {
    options = options.dtype(scalarType(dtype));
  }
  return options;
}

jlong created(at::Tensor t, jboolean requiresGrad) {
  if (requiresGrad == JNI_TRUE) {
    t.requires_grad_(true);
  }
  return handleOf(std::move(t));
}

}  // namespace

extern "C" {

// ---- engine and autograd state -------------------------------------------------------------

JNIEXPORT jboolean JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIsGradMode(JNIEnv* env, jobject) {
  return guarded<jboolean>(env, JNI_FALSE, [] { return at::GradMode::is_enabled() ? JNI_TRUE : JNI_FALSE; });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSetGradMode(JNIEnv* env, jobject, jboolean enable) {
  guardedVoid(env, [&] { at::GradMode::set_enabled(enable == JNI_TRUE); });
}

JNIEXPORT jint JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchGetNumInteropThreads(JNIEnv* env, jobject) {
  return guarded<jint>(env, 0, [] { return static_cast<jint>(at::get_num_interop_threads()); });
}

JNIEXPORT jint JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchGetNumThreads(JNIEnv* env, jobject) {
  return guarded<jint>(env, 0, [] { return static_cast<jint>(at::get_num_threads()); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSetNumInteropThreads(JNIEnv* env, jobject, jint n) {
  guardedVoid(env, [&] { at::set_num_interop_threads(n); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSetNumThreads(JNIEnv* env, jobject, jint n) {
  guardedVoid(env, [&] { at::set_num_threads(n); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSetBenchmarkCuDNN(JNIEnv* env, jobject, jboolean enable) {
  guardedVoid(env, [&] { at::globalContext().setBenchmarkCuDNN(enable == JNI_TRUE); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchManualSeed(JNIEnv* env, jobject, jlong seed) {
  guardedVoid(env, [&] { at::manual_seed(static_cast<uint64_t>(seed)); });
}

// Adds the build's features to a java.util.Set<String> (DJL's Engine.hasCapability reads it).
JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchShowConfig(JNIEnv* env, jobject, jobject set) {
  guardedVoid(env, [&] {
    jclass setClass = env->GetObjectClass(set);
    jmethodID add = env->GetMethodID(setClass, "add", "(Ljava/lang/Object;)Z");
    auto put = [&](bool on, const char* name) {
      if (on) {
        jstring s = env->NewStringUTF(name);
        env->CallBooleanMethod(set, add, s);
        env->DeleteLocalRef(s);
      }
    };
    put(at::hasCUDA(), "CUDA");
    put(at::globalContext().hasCuDNN(), "CUDNN");
    put(at::hasMKL(), "MKL");
    put(at::hasMKLDNN(), "MKLDNN");
    put(at::hasOpenMP(), "OPENMP");
  });
}

// ---- tensor metadata and memory ------------------------------------------------------------

JNIEXPORT jlongArray JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSizes(JNIEnv* env, jobject, jlong h) {
  return guarded<jlongArray>(env, nullptr, [&] {
    auto sizes = tensorAt(h).sizes();
    return javaLongs(env, std::vector<int64_t>(sizes.begin(), sizes.end()));
  });
}

JNIEXPORT jint JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDType(JNIEnv* env, jobject, jlong h) {
  return guarded<jint>(env, kUnknownType, [&] { return dataTypeOrdinal(tensorAt(h).scalar_type()); });
}

JNIEXPORT jintArray JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDevice(JNIEnv* env, jobject, jlong h) {
  return guarded<jintArray>(env, nullptr, [&] {
    auto device = tensorAt(h).device();
    jint d[2] = {static_cast<jint>(device.type()), static_cast<jint>(device.index())};
    jintArray out = env->NewIntArray(2);
    env->SetIntArrayRegion(out, 0, 2, d);
    return out;
  });
}

JNIEXPORT jint JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchLayout(JNIEnv* env, jobject, jlong h) {
  return guarded<jint>(env, 0, [&] {
    auto layout = tensorAt(h).layout();
    if (layout == at::kStrided) return 0;
    if (layout == at::kSparse) return 1;
    if (layout == at::kMkldnn) return 2;
    throw std::invalid_argument("unsupported layout");
  });
}

JNIEXPORT jboolean JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIsContiguous(JNIEnv* env, jobject, jlong h) {
  return guarded<jboolean>(env, JNI_FALSE, [&] { return tensorAt(h).is_contiguous() ? JNI_TRUE : JNI_FALSE; });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchToContiguous(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).contiguous()); });
}

// A view of a dense CPU tensor's own memory (DJL asks only for contiguous CPU tensors).
JNIEXPORT jobject JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDirectByteBuffer(JNIEnv* env, jobject, jlong h) {
  return guarded<jobject>(env, nullptr, [&] {
    auto& t = tensorAt(h);
    if (!t.device().is_cpu() || !t.is_contiguous()) {
      throw std::invalid_argument("a direct buffer needs a contiguous CPU tensor");
    }
    return env->NewDirectByteBuffer(t.data_ptr(), static_cast<jlong>(t.nbytes()));
  });
}

// A copy of the tensor's values (any device) in a Java byte array.
JNIEXPORT jbyteArray JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDataPtr(JNIEnv* env, jobject, jlong h) {
  return guarded<jbyteArray>(env, nullptr, [&] {
    at::Tensor cpu = tensorAt(h).to(at::kCPU).contiguous();
    auto n = static_cast<jsize>(cpu.nbytes());
    jbyteArray out = env->NewByteArray(n);
    env->SetByteArrayRegion(out, 0, n, static_cast<const jbyte*>(cpu.data_ptr()));
    return out;
  });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDeleteTensor(JNIEnv* env, jobject, jlong h) {
  guardedVoid(env, [&] { delete reinterpret_cast<at::Tensor*>(h); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_tensorClone(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).clone()); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchTo(JNIEnv* env, jobject, jlong h, jint dtype, jintArray jdevice) {
  return guarded<jlong>(env, 0, [&] {
    return handleOf(tensorAt(h).to(deviceOf(env, jdevice), scalarType(dtype), false, false));
  });
}

// ---- creation ------------------------------------------------------------------------------

// On the CPU the tensor uses the Java buffer's memory (DJL's Java side keeps the buffer alive);
// on another device it is copied there.
JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchFromBlob(JNIEnv* env, jobject, jobject buffer,
    jlongArray jshape, jint dtype, jint layout, jintArray jdevice, jboolean requiresGrad) {
  return guarded<jlong>(env, 0, [&] {
    void* data = env->GetDirectBufferAddress(buffer);
    if (data == nullptr) {
      throw std::invalid_argument("torchFromBlob needs a direct ByteBuffer");
    }
    auto options = optionsOf(env, dtype, layout, jdevice);
    at::Tensor t = at::from_blob(data, longs(env, jshape), options.device(at::kCPU));
    if (!options.device().is_cpu()) {
      t = t.to(options.device());
    }
    return created(std::move(t), requiresGrad);
  });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchEmpty(JNIEnv* env, jobject, jlongArray shape, jint dtype,
    jint layout, jintArray device, jboolean rg) {
  return guarded<jlong>(env, 0, [&] { return created(at::empty(longs(env, shape), optionsOf(env, dtype, layout, device)), rg); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchZeros(JNIEnv* env, jobject, jlongArray shape, jint dtype,
    jint layout, jintArray device, jboolean rg) {
  return guarded<jlong>(env, 0, [&] { return created(at::zeros(longs(env, shape), optionsOf(env, dtype, layout, device)), rg); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchOnes(JNIEnv* env, jobject, jlongArray shape, jint dtype,
    jint layout, jintArray device, jboolean rg) {
  return guarded<jlong>(env, 0, [&] { return created(at::ones(longs(env, shape), optionsOf(env, dtype, layout, device)), rg); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchFull(JNIEnv* env, jobject, jlongArray shape, jdouble value,
    jint dtype, jint layout, jintArray device, jboolean rg) {
  return guarded<jlong>(env, 0, [&] {
    return created(at::full(longs(env, shape), value, optionsOf(env, dtype, layout, device)), rg);
  });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_tensorUniform(JNIEnv* env, jobject, jdouble low, jdouble high,
    jlongArray shape, jint dtype, jint layout, jintArray device, jboolean rg) {
  return guarded<jlong>(env, 0, [&] {
    return created(at::empty(longs(env, shape), optionsOf(env, dtype, layout, device)).uniform_(low, high), rg);
  });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchNormal(JNIEnv* env, jobject, jdouble mean, jdouble std,
    jlongArray shape, jint dtype, jint layout, jintArray device, jboolean rg) {
  return guarded<jlong>(env, 0, [&] {
    return created(at::empty(longs(env, shape), optionsOf(env, dtype, layout, device)).normal_(mean, std), rg);
  });
}

// ---- element-wise and linear algebra -------------------------------------------------------

#define MBPO_UNARY(NAME, EXPR)                                                                   \
  JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_##NAME(JNIEnv* env, jobject, jlong h) { \
    return guarded<jlong>(env, 0, [&] {                                                          \
      const at::Tensor& x = tensorAt(h);                                                         \
      return handleOf(EXPR);                                                                     \
    });                                                                                          \
  }

#define MBPO_BINARY(NAME, EXPR)                                                                  \
  JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_##NAME(JNIEnv* env, jobject, jlong a, jlong b) { \
    return guarded<jlong>(env, 0, [&] {                                                          \
      const at::Tensor& x = tensorAt(a);                                                         \
      const at::Tensor& y = tensorAt(b);                                                         \
      return handleOf(EXPR);                                                                     \
    });                                                                                          \
  }

#define MBPO_INPLACE(NAME, EXPR)                                                                 \
  JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_##NAME(JNIEnv* env, jobject, jlong a, jlong b) { \
    guardedVoid(env, [&] {                                                                       \
      at::Tensor& x = tensorAt(a);                                                               \
      const at::Tensor& y = tensorAt(b);                                                         \
      EXPR;                                                                                      \
    });                                                                                          \
  }

MBPO_BINARY(torchAdd, x.add(y))
MBPO_BINARY(torchSub, x.sub(y))
MBPO_BINARY(torchMul, x.mul(y))
MBPO_BINARY(torchDiv, x.div(y))
MBPO_BINARY(torchPow, x.pow(y))
MBPO_BINARY(torchMatmul, x.matmul(y))
MBPO_BINARY(torchMinimum, at::minimum(x, y))
MBPO_BINARY(torchMaximum, at::maximum(x, y))
MBPO_INPLACE(torchAddi, x.add_(y))
MBPO_INPLACE(torchSubi, x.sub_(y))
MBPO_INPLACE(torchMuli, x.mul_(y))
MBPO_INPLACE(torchDivi, x.div_(y))

MBPO_UNARY(torchNeg, x.neg())
MBPO_UNARY(torchAbs, x.abs())
MBPO_UNARY(torchSquare, x.square())
MBPO_UNARY(torchSqrt, x.sqrt())
MBPO_UNARY(torchExp, x.exp())
MBPO_UNARY(torchLog, x.log())
MBPO_UNARY(torchTanh, x.tanh())
MBPO_UNARY(torchSigmoid, x.sigmoid())
MBPO_UNARY(torchNNRelu, at::relu(x))
MBPO_UNARY(torchNNSoftPlus, at::softplus(x, 1, 20))

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchClamp(JNIEnv* env, jobject, jlong h, jlong min, jlong max) {
  return guarded<jlong>(env, 0, [&] { return handleOf(at::clamp(tensorAt(h), tensorAt(min), tensorAt(max))); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchNNLinear(JNIEnv* env, jobject, jlong input, jlong weight, jlong bias) {
  return guarded<jlong>(env, 0, [&] {
    c10::optional<at::Tensor> b;
    if (bias != 0) {
      b = tensorAt(bias);
    }
    return handleOf(at::linear(tensorAt(input), tensorAt(weight), b));
  });
}

// ---- shape and reduction -------------------------------------------------------------------

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchReshape(JNIEnv* env, jobject, jlong h, jlongArray shape) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).reshape(longs(env, shape))); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSqueeze__J(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).squeeze()); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSqueeze__JJ(JNIEnv* env, jobject, jlong h, jlong axis) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).squeeze(axis)); });
}

JNIEXPORT jlongArray JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSplit__JJJ(JNIEnv* env, jobject, jlong h, jlong size, jlong dim) {
  return guarded<jlongArray>(env, nullptr, [&] { return handlesOf(env, tensorAt(h).split(size, dim)); });
}

// DJL's Java side turns split points into the parts' sizes before it calls this.
JNIEXPORT jlongArray JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSplit__J_3JJ(JNIEnv* env, jobject, jlong h,
    jlongArray sizes, jlong dim) {
  return guarded<jlongArray>(env, nullptr, [&] {
    return handlesOf(env, tensorAt(h).split_with_sizes(longs(env, sizes), dim));
  });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchCat(JNIEnv* env, jobject, jlongArray handles, jlong dim) {
  return guarded<jlong>(env, 0, [&] { return handleOf(at::cat(tensorsOf(env, handles), dim)); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchStack(JNIEnv* env, jobject, jlongArray handles, jlong dim) {
  return guarded<jlong>(env, 0, [&] { return handleOf(at::stack(tensorsOf(env, handles), dim)); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSum__J(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).sum()); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchSum__J_3JZ(JNIEnv* env, jobject, jlong h, jlongArray dims,
    jboolean keep) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).sum(longs(env, dims), keep == JNI_TRUE)); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchMean__J(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).mean()); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchMean__JJZ(JNIEnv* env, jobject, jlong h, jlong dim, jboolean keep) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).mean(dim, keep == JNI_TRUE)); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchMax__J(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).max()); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchMax__JJZ(JNIEnv* env, jobject, jlong h, jlong dim, jboolean keep) {
  return guarded<jlong>(env, 0, [&] { return handleOf(std::get<0>(tensorAt(h).max(dim, keep == JNI_TRUE))); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchMin__J(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).min()); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchMin__JJZ(JNIEnv* env, jobject, jlong h, jlong dim, jboolean keep) {
  return guarded<jlong>(env, 0, [&] { return handleOf(std::get<0>(tensorAt(h).min(dim, keep == JNI_TRUE))); });
}

// ---- indexing ------------------------------------------------------------------------------

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexInit(JNIEnv* env, jobject, jint size) {
  return guarded<jlong>(env, 0, [&] {
    auto* index = new Index();
    index->reserve(size);
    return reinterpret_cast<jlong>(index);
  });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDeleteIndex(JNIEnv* env, jobject, jlong h) {
  guardedVoid(env, [&] { delete reinterpret_cast<Index*>(h); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexAppendFixed(JNIEnv* env, jobject, jlong h, jlong idx) {
  guardedVoid(env, [&] { reinterpret_cast<Index*>(h)->emplace_back(static_cast<int64_t>(idx)); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexAppendNoneEllipsis(JNIEnv* env, jobject, jlong h,
    jboolean isEllipsis) {
  guardedVoid(env, [&] {
    auto* index = reinterpret_cast<Index*>(h);
    if (isEllipsis == JNI_TRUE) {
      index->emplace_back(at::indexing::Ellipsis);
    } else {
      index->emplace_back(at::indexing::None);
    }
  });
}

// nullSlice's bit 1 says the start is absent, bit 0 that the end is.
JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexAppendSlice(JNIEnv* env, jobject, jlong h, jlong min,
    jlong max, jlong step, jint nullSlice) {
  guardedVoid(env, [&] {
    using at::indexing::None;
    using at::indexing::Slice;
    auto* index = reinterpret_cast<Index*>(h);
    int64_t lo = min;
    int64_t hi = max;
    int64_t st = step;
    switch (nullSlice) {
      case 0: index->emplace_back(Slice(lo, hi, st)); break;
      case 1: index->emplace_back(Slice(lo, None, st)); break;
      case 2: index->emplace_back(Slice(None, hi, st)); break;
      default: index->emplace_back(Slice(None, None, st)); break;
    }
  });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexAppendArray(JNIEnv* env, jobject, jlong h, jlong array) {
  guardedVoid(env, [&] { reinterpret_cast<Index*>(h)->emplace_back(tensorAt(array)); });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexAdvGet(JNIEnv* env, jobject, jlong h, jlong index) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).index(*reinterpret_cast<Index*>(index))); });
}

// Writes value into the indexed part of the tensor, in place.
JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndexAdvPut(JNIEnv* env, jobject, jlong h, jlong index,
    jlong value) {
  guardedVoid(env, [&] { tensorAt(h).index_put_(*reinterpret_cast<Index*>(index), tensorAt(value)); });
}

// ---- autograd ------------------------------------------------------------------------------

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchAttachGrad(JNIEnv* env, jobject, jlong h, jboolean requiresGrad) {
  guardedVoid(env, [&] { tensorAt(h).requires_grad_(requiresGrad == JNI_TRUE); });
}

JNIEXPORT jboolean JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchRequiresGrad(JNIEnv* env, jobject, jlong h) {
  return guarded<jboolean>(env, JNI_FALSE, [&] { return tensorAt(h).requires_grad() ? JNI_TRUE : JNI_FALSE; });
}

// The accumulated gradient (sharing its memory), or 0 before any backward pass reached it.
JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchGrad(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] {
    const at::Tensor& grad = tensorAt(h).grad();
    return grad.defined() ? handleOf(grad) : static_cast<jlong>(0);
  });
}

JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchDetachGrad(JNIEnv* env, jobject, jlong h) {
  return guarded<jlong>(env, 0, [&] { return handleOf(tensorAt(h).detach()); });
}

JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchBackward(JNIEnv* env, jobject, jlong h, jlong grad,
    jboolean keepGraph, jboolean createGraph) {
  guardedVoid(env, [&] { tensorAt(h).backward(tensorAt(grad), keepGraph == JNI_TRUE, createGraph == JNI_TRUE); });
}

// Zeroes the gradient in place, keeping its memory (the optimisers read it again next step).
JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_zeroGrad(JNIEnv* env, jobject, jlong h) {
  guardedVoid(env, [&] {
    at::Tensor& grad = tensorAt(h).mutable_grad();
    if (grad.defined()) {
      grad.detach_();
      grad.zero_();
    }
  });
}

// DJL's Adam step: lrCorrected already holds the bias correction; weight decay is added to the
// gradient (Adam) or applied to the weight (AdamW); clipGrad <= 0 means no clipping.
JNIEXPORT void JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_adamUpdate(JNIEnv* env, jobject, jlong weight, jlong grad,
    jlong mean, jlong variance, jfloat lr, jfloat lrCorrected, jfloat wd, jfloat rescaleGrad, jfloat clipGrad,
    jfloat beta1, jfloat beta2, jfloat eps, jboolean adamw) {
  guardedVoid(env, [&] {
    at::NoGradGuard noGrad;
    at::Tensor& w = tensorAt(weight);
    at::Tensor g = tensorAt(grad).mul(rescaleGrad);
    if (clipGrad > 0) {
      g.clamp_(-clipGrad, clipGrad);
    }
    if (adamw != JNI_TRUE && wd != 0) {
      g.add_(w, wd);
    }
    at::Tensor& m = tensorAt(mean);
    at::Tensor& v = tensorAt(variance);
    m.mul_(beta1).add_(g, 1 - beta1);
    v.mul_(beta2).addcmul_(g, g, 1 - beta2);
    if (adamw == JNI_TRUE && wd != 0) {
      w.mul_(1 - lr * wd);
    }
    w.addcdiv_(m, v.sqrt().add_(eps), -lrCorrected);
  });
}

}  // extern "C"
