// `train recode --models a.model,b.model`: rewrites model files in the layout encode_model() chooses today
// (learn::recode_model()) without retraining: every bucket, scale and int8 weight is kept, so the loaded
// weights, and every result, are the same. For models trained before a layout change.
#include "learn/model.hpp"
#include "train.hpp"

namespace train {
namespace {

int run(int argc, char** argv) {
  Args args("recode", argc, argv);
  const std::string models = args.text("models", "", "model files to rewrite in place, comma-separated");
  if (!args.finish(models.empty() ? "--models is required" : "")) return 2;
  for (const std::string& path : split_list(models)) {
    std::string bytes;
    if (!read_file(path, bytes)) {
      std::fprintf(stderr, "cannot read %s\n", path.c_str());
      return 1;
    }
    const std::string recoded = articlescope::learn::recode_model(bytes);
    if (recoded.empty()) {
      std::fprintf(stderr, "%s is not a model this build reads\n", path.c_str());
      return 1;
    }
    if (!write_file(path, recoded)) return 1;
    std::printf("%s: %zu -> %zu bytes (layout version %d)\n", path.c_str(), bytes.size(), recoded.size(),
                recoded[articlescope::learn::kModelMagic.size()]);
  }
  return 0;
}

const Registration kRecode({"recode", "rewrites model files in today's layout (same weights)", run});

}  // namespace
}  // namespace train
