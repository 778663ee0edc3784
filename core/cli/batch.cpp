#include "batch.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "text/utf8.hpp"

namespace articlescope::cli {

namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos; }

// The id of a line that is too long to parse, when it comes first: {"id": "x" or {"id": 7.
std::string leading_id(std::string_view line) {
  std::size_t k = 0;
  const auto skip_space = [&] {
    while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
  };
  const auto expect = [&](std::string_view token) {
    skip_space();
    if (line.substr(k, token.size()) != token) return false;
    k += token.size();
    return true;
  };
  if (!expect("{") || !expect("\"id\"") || !expect(":")) return {};
  skip_space();
  std::size_t end = k;
  if (end < line.size() && line[end] == '"') {
    for (++end; end < line.size() && line[end] != '"'; ++end) {
      if (line[end] == '\\') ++end;
    }
    ++end;
  } else {
    while (end < line.size() && std::strchr("0123456789+-.eE", line[end]) != nullptr) ++end;
  }
  const json id = json::parse(line.substr(k, std::min(end, line.size()) - k), nullptr, false);
  return id.is_string() || id.is_number() ? dump(id) : std::string();
}

}  // namespace

LineReader::LineReader(std::streambuf& source, std::size_t cap)
    : source_(source), cap_(cap), buffer_(1 << 16) {}

bool LineReader::fill() {
  position_ = 0;
  size_ = 0;
  // Only what the source has buffered (sgetc reads once when it has nothing): a plain sgetn of the whole
  // buffer would wait for 64 KiB from a pipe, and a line written by an interactive producer would never come.
  if (source_.in_avail() <= 0 && source_.sgetc() == std::streambuf::traits_type::eof()) return false;
  const std::streamsize wanted =
      std::clamp<std::streamsize>(source_.in_avail(), 1, static_cast<std::streamsize>(buffer_.size()));
  const std::streamsize got = source_.sgetn(buffer_.data(), wanted);
  size_ = got > 0 ? static_cast<std::size_t>(got) : 0;
  return size_ > 0;
}

bool LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  while (true) {
    if (position_ == size_ && !fill()) break;
    any = true;
    const char* start = buffer_.data() + position_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', size_ - position_));
    const std::size_t length = newline ? static_cast<std::size_t>(newline - start) : size_ - position_;
    // Keep at most cap + 1 bytes (the "\r" of a "\r\n" may be the extra one); drop the rest unread.
    if (!too_long) {
      const std::size_t room = cap_ + 1 - std::min(line.size(), cap_ + 1);
      line.append(start, std::min(length, room));
      if (length > room) too_long = true;
    }
    position_ += length;
    if (newline) {
      ++position_;
      break;
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.size() > cap_) {
    too_long = true;
    line.resize(cap_);
  }
  return any;
}

Job read_job(std::string_view line, std::size_t line_number, bool too_long, const Options& defaults) {
  Job job;
  job.line_number = line_number;
  job.options = defaults;
  if (too_long) {
    job.id_json = leading_id(line);
    job.problem_code = Code::InputTooLarge;
    job.problem =
        "the line is more than " + std::to_string(defaults.max_input_bytes) + " bytes (max_input_bytes)";
    return job;
  }
  if (is_blank(line)) {
    job.problem_code = Code::EmptyInput;
    job.problem = "the line is blank";
    return job;
  }
  std::string repaired;
  if (text::find_invalid_utf8(line) != std::string_view::npos) {
    repaired = text::repair_utf8(line, job.repaired);  // as for a single input: repaired, with a warning
    line = repaired;
  }
  const json item = json::parse(line, nullptr, false);
  if (item.is_string()) {
    job.input = item.get<std::string>();
  } else if (item.is_object()) {
    if (const auto id = item.find("id"); id != item.end()) job.id_json = dump(*id);
    const auto field = [&](const char* name) -> const json* {
      const auto it = item.find(name);
      return it != item.end() && it->is_string() ? &*it : nullptr;
    };
    auto& format = job.options.format;
    if (const json* html = field("html")) {
      job.input = html->get<std::string>();
      if (format == InputFormat::Auto) format = InputFormat::Html;
    } else if (const json* text = field("text")) {
      job.input = text->get<std::string>();
      if (format == InputFormat::Auto) format = InputFormat::Text;
    } else {
      job.problem = "object has no string \"html\" or \"text\" field";
    }
    if (const json* url = field("url")) job.options.url = url->get<std::string>();
  } else {
    job.problem = item.is_discarded() ? "not valid JSON" : "expected a JSON string or object";
  }
  return job;
}

std::string run_job(const Job& job, bool timings, bool& ok, std::string& log) {
  const std::string where = "line " + std::to_string(job.line_number) + ": ";
  std::string out;
  ok = true;
  if (!job.problem.empty()) {
    const json error = {
        {"errors", {{{"code", std::string(to_string(job.problem_code))}, {"message", where + job.problem}}}}};
    out = dump(error);
    log += "articlescope: " + where + job.problem + "\n";
    ok = false;
  } else {
    Report report = analyse(job.input, job.options);
    if (job.repaired) {
      report.warnings.insert(
          report.warnings.begin(),
          {Code::InvalidUtf8, "invalid UTF-8 sequences in the line were replaced with U+FFFD"});
    }
    out = to_json(report, timings);
    for (const auto& e : report.errors) {
      log += "articlescope: " + where + std::string(to_string(e.code)) + ": " + e.message + "\n";
      ok = false;
    }
  }
  if (!job.id_json.empty()) out = "{\"id\":" + job.id_json + "," + out.substr(1);
  return out;
}

namespace {

// One line's output, never an exception (out of memory while reading a line's JSON, say): a thread that let
// one escape would end the whole batch.
std::string answer(const std::string& line, std::size_t number, bool too_long, const BatchSettings& settings,
                   bool& ok, std::string& log) {
  try {
    return run_job(read_job(line, number, too_long, settings.options), settings.timings, ok, log);
  } catch (const std::exception& e) {
    ok = false;
    const std::string message = "line " + std::to_string(number) + ": internal error: " + e.what();
    log += "articlescope: " + message + "\n";
    return dump(json{{"errors", {{{"code", "internal_error"}, {"message", message}}}}});
  }
}

}  // namespace

bool run_batch(std::istream& in, std::ostream& out, std::ostream& log, const BatchSettings& settings) {
  std::streambuf* source = in.rdbuf();
  if (source == nullptr) return true;
  LineReader reader(*source, settings.options.max_input_bytes);
  bool all_ok = true;
  const auto write = [&](const std::string& line, const std::string& messages, bool ok) {
    out << line << '\n';
    out.flush();  // streaming: a consumer waiting for this line gets it now
    log << messages;
    all_ok = all_ok && ok;
  };

  if (settings.jobs <= 1) {
    std::string line;
    bool too_long = false;
    for (std::size_t number = 1; reader.next(line, too_long); ++number) {
      bool ok = true;
      std::string messages;
      const std::string result = answer(line, number, too_long, settings, ok, messages);
      write(result, messages, ok);
    }
    return all_ok;
  }

  // Several threads: this one reads, `jobs` workers analyse, a writer prints in input order. At most
  // 2 * jobs lines are in flight, so memory stays bounded by the line cap whatever the input's length.
  struct Slot {
    std::string line;
    std::size_t number = 0;
    bool too_long = false;
    std::string result, messages;
    bool ok = true;
    bool done = false;
  };
  std::mutex mutex;
  std::condition_variable work_ready, slot_done, room;
  std::deque<std::shared_ptr<Slot>> in_order;  // every line read and not yet written
  std::deque<std::shared_ptr<Slot>> waiting;   // lines no worker has taken yet
  bool input_over = false;
  const std::size_t window = 2 * static_cast<std::size_t>(settings.jobs);

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < settings.jobs; ++w) {
    workers.emplace_back([&] {
      while (true) {
        std::shared_ptr<Slot> slot;
        {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return !waiting.empty() || input_over; });
          if (waiting.empty()) return;
          slot = waiting.front();
          waiting.pop_front();
        }
        bool ok = true;
        std::string messages;
        std::string result = answer(slot->line, slot->number, slot->too_long, settings, ok, messages);
        {
          std::lock_guard lock(mutex);
          slot->line = std::string();  // the input is no longer needed: free it before the line is written
          slot->result = std::move(result);
          slot->messages = std::move(messages);
          slot->ok = ok;
          slot->done = true;
        }
        slot_done.notify_all();
      }
    });
  }
  std::thread writer([&] {
    while (true) {
      std::shared_ptr<Slot> slot;
      {
        std::unique_lock lock(mutex);
        slot_done.wait(lock, [&] {
          return (!in_order.empty() && in_order.front()->done) || (in_order.empty() && input_over);
        });
        if (in_order.empty()) return;
        slot = in_order.front();
        in_order.pop_front();
      }
      room.notify_one();
      write(slot->result, slot->messages, slot->ok);
    }
  });

  std::size_t number = 0;
  while (true) {
    auto slot = std::make_shared<Slot>();
    if (!reader.next(slot->line, slot->too_long)) break;
    slot->number = ++number;
    {
      std::unique_lock lock(mutex);
      room.wait(lock, [&] { return in_order.size() < window; });
      in_order.push_back(slot);
      waiting.push_back(slot);
    }
    work_ready.notify_one();
  }
  {
    std::lock_guard lock(mutex);
    input_over = true;
  }
  work_ready.notify_all();
  slot_done.notify_all();
  for (auto& worker : workers) worker.join();
  writer.join();
  return all_ok;
}

}  // namespace articlescope::cli
