// `train recode --models a.model,b.model [--clusters word_clusters.bin]`: rewrites model files in the layout
// encode_model() chooses today (learn::recode_model()) without retraining: every bucket, scale and int8
// weight is kept, so the loaded weights, and every result, are the same. For models trained before a layout
// change. The word-class table likewise, in the format WordClusters::encode() chooses today (the same
// classes).
#include "entities/features.hpp"
#include "learn/model.hpp"
#include "train.hpp"

namespace train {
namespace {

int run(int argc, char** argv) {
  Args args("recode", argc, argv);
  const std::string models = args.text("models", "", "model files to rewrite in place, comma-separated");
  const std::string clusters = args.text("clusters", "", "a word-class table to rewrite in place");
  if (!args.finish(models.empty() && clusters.empty() ? "--models or --clusters is required" : "")) return 2;
  if (!clusters.empty()) {
    std::string bytes;
    articlescope::entities::WordClusters table;
    if (!read_file(clusters, bytes) || !table.load(bytes)) {
      std::fprintf(stderr, "%s is not a word-class table this build reads\n", clusters.c_str());
      return 1;
    }
    const std::string recoded = articlescope::entities::WordClusters::encode(table.entries(), table.depth());
    if (!write_file(clusters, recoded)) return 1;
    std::printf("%s: %zu -> %zu bytes\n", clusters.c_str(), bytes.size(), recoded.size());
  }
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
