#include "entities/linking.hpp"

#include "entities/features.hpp"
#include "entities/tagger.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace articlescope::entities {
namespace {

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

// Number of space-separated words (split_words(s).size() without building the list).
std::size_t count_words(std::string_view s) {
  std::size_t count = 0;
  bool in_word = false;
  for (const char c : s) {
    if (c != ' ' && !in_word) ++count;
    in_word = c != ' ';
  }
  return count;
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool is_title_word(std::string_view word) {
  std::uint64_t h;
  if (is_ascii(word)) {
    // hash_bytes(text::lower(word)) without the string.
    h = 1469598103934665603ull;
    for (const char c : word) {
      h ^= static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      h *= 1099511628211ull;
    }
  } else {
    h = hash_bytes(text::lower(word));
  }
  return (embedded_gazetteer().lookup(&h, 1) & kGazTitle) != 0;
}

// Lower case, no dots, no leading "the": "the U.S." and "US" compare equal.
std::string normalise(std::string_view s) {
  std::string out;
  if (is_ascii(s)) {
    // Written through one pointer: std::string's members are calls in WebAssembly.
    out.resize(s.size());
    char* p = out.data();
    std::size_t n = 0;
    for (const char c : s) {
      if (c != '.') p[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    const std::size_t skip = n >= 4 && std::string_view(p, 4) == "the " ? 4 : 0;
    out.erase(n);
    if (skip != 0) out.erase(0, skip);
    return out;
  } else {
    for (char c : text::lower(s)) {
      if (c != '.') out += c;
    }
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

bool is_acronym(std::string_view s) {
  int letters = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z')
      ++letters;
    else if (c != '.' && c != '&')
      return false;
  }
  return letters >= 2 && letters <= 8;
}

struct Builder {
  std::vector<EntityGroup> groups;
  std::vector<std::vector<std::string>> surfaces;  // per group, in order of appearance
  std::vector<std::unordered_set<std::string>> surface_set;  // the same, to test membership in constant time
  std::vector<std::string> person_names;           // per group: title-free fullest name (PERSON only)

  int add(const Entity& e) {
    groups.push_back({static_cast<int>(groups.size()), e.type, "", 0, {}});
    surfaces.emplace_back();
    surface_set.emplace_back();
    person_names.emplace_back();
    return static_cast<int>(groups.size()) - 1;
  }

  void add_surface(int group, const std::string& text) {
    if (surface_set[group].insert(text).second) surfaces[group].push_back(text);
  }
};

// The normalised full names of PERSON groups, indexed so that finding "a longer or shorter form of a known
// name"
// ("Mary Ann Jones" / "Ann Jones") costs the number of words of the name, not the number of names.
class PersonNames {
 public:
  /// The earliest group whose name ends with `name` as whole words, or that `name` ends with; -1 for none.
  int find(const std::string& name) const {
    int group = -1;
    const auto consider = [&](const std::unordered_map<std::string, int>& index, const std::string& key) {
      const auto it = index.find(key);
      if (it != index.end() && (group < 0 || it->second < group)) group = it->second;
    };
    consider(longer_, name);
    for (std::size_t space = name.find(' '); space != std::string::npos; space = name.find(' ', space + 1)) {
      consider(full_, name.substr(space + 1));
    }
    return group;
  }
  void add(const std::string& name, int group) {
    full_.emplace(name, group);
    for (std::size_t space = name.find(' '); space != std::string::npos; space = name.find(' ', space + 1)) {
      longer_.emplace(name.substr(space + 1), group);
    }
  }

 private:
  std::unordered_map<std::string, int> full_;  // full name -> its group (the first)
  std::unordered_map<std::string, int>
      longer_;  // a proper word suffix of a full name -> the first such group
};

}  // namespace

std::string initials(std::string_view name) {
  std::string out;
  for (std::string_view w : split_words(name)) {
    // The stop words are short and ASCII: only such words need lower-casing.
    if (w.size() <= 3 && is_ascii(w)) {
      char l[3] = {};
      for (std::size_t k = 0; k < w.size(); ++k)
        l[k] = w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] + 32) : w[k];
      const std::string_view lw(l, w.size());
      if (lw == "of" || lw == "the" || lw == "and" || lw == "for" || lw == "on" || lw == "in" || lw == "de" ||
          lw == "&")
        continue;
    }
    // Hyphenated words give one initial per part ("Trans-Pacific" -> "TP").
    bool start = true;
    for (char c : w) {
      if (start && c >= 'A' && c <= 'Z')
        out += c;
      else if (start && c >= 'a' && c <= 'z')
        out += static_cast<char>(c - 32);
      start = c == '-';
    }
  }
  return out;
}

std::string_view strip_titles(std::string_view name) {
  // Leading title words, never the last word.
  std::size_t start = 0;  // of the first word not stripped
  bool stripped = false;
  std::size_t i = 0;
  while (true) {
    while (i < name.size() && name[i] == ' ') ++i;
    if (i >= name.size()) break;
    std::size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    std::size_t next = j;
    while (next < name.size() && name[next] == ' ') ++next;
    if (next >= name.size() || !is_title_word(name.substr(i, j - i))) {
      start = i;
      break;
    }
    i = next;
    stripped = true;
  }
  return stripped ? name.substr(start) : name;
}

std::vector<EntityGroup> link(std::vector<Entity>& mentions) {
  Builder b;
  // Surnames of multi-word PERSON names, to retype a stray single-word ORG/LOCATION mention of the same
  // person.
  std::map<std::string, int> surname_count;
  for (const Entity& e : mentions) {
    if (e.type != EntityType::Person) continue;
    const auto words = split_words(strip_titles(e.text));
    if (words.size() >= 2) ++surname_count[text::lower(words.back())];
  }
  for (Entity& e : mentions) {
    if ((e.type == EntityType::Org || e.type == EntityType::Location) && count_words(e.text) == 1 &&
        surname_count.count(text::lower(e.text))) {
      e.type = EntityType::Person;
    }
  }

  std::map<std::pair<int, std::string>, int> by_key;  // (type, normalised text) -> group
  std::vector<int> assigned(mentions.size(), -1);
  PersonNames person_keys;  // normalised full names of PERSON groups
  // Pass 1: full names and every non-person mention by its normalised text.
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const Entity& e = mentions[k];
    const std::string_view name =
        e.type == EntityType::Person ? strip_titles(e.text) : std::string_view(e.text);
    const bool single_person = e.type == EntityType::Person && count_words(name) < 2;
    const bool acronym = (e.type == EntityType::Org || e.type == EntityType::Location) && is_acronym(e.text);
    if (single_person || acronym) continue;
    const auto key = std::make_pair(static_cast<int>(e.type), normalise(name));
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      // A longer form of a known full name joins it ("Mary Ann Jones" / "Ann Jones").
      int group = -1;
      if (e.type == EntityType::Person) {
        const std::string n = normalise(name);
        group = person_keys.find(n);
        if (group < 0) {
          group = b.add(e);
          person_keys.add(n, group);
        }
      }
      if (group < 0) group = b.add(e);
      it = by_key.emplace(key, group).first;
    }
    assigned[k] = it->second;
    b.add_surface(it->second, e.text);
    if (e.type == EntityType::Person && count_words(name) > count_words(b.person_names[it->second])) {
      b.person_names[it->second] = std::string(name);
    }
  }
  // Pass 2: single-word person mentions join the nearest earlier (else the first later) full name that ends
  // (or starts) with the word; acronyms join the group whose name has those initials.
  // Indexes first, so that linking stays linear in the number of mentions.
  std::map<std::string, std::vector<std::pair<std::size_t, int>>> by_last,
      by_first;                                            // word -> (mention, group)
  std::map<std::pair<int, std::string>, int> by_initials;  // (type, initials) -> group
  for (std::size_t j = 0; j < mentions.size(); ++j) {
    if (assigned[j] < 0) continue;
    const Entity& e = mentions[j];
    if (e.type == EntityType::Person) {
      const auto words = split_words(b.person_names[assigned[j]]);
      if (words.size() < 2) continue;
      by_last[normalise(words.back())].emplace_back(j, assigned[j]);
      by_first[normalise(words.front())].emplace_back(j, assigned[j]);
    } else if (e.text.find(' ') != std::string::npos) {
      by_initials.emplace(std::make_pair(static_cast<int>(e.type), normalise(initials(e.text))), assigned[j]);
    }
  }
  const auto nearest = [](const std::vector<std::pair<std::size_t, int>>& list, std::size_t k) {
    // list is sorted by mention index: the last one before k, else the first one.
    const auto after =
        std::upper_bound(list.begin(), list.end(), k,
                         [](std::size_t index, const auto& entry) { return index < entry.first; });
    return after == list.begin() ? list.front().second : std::prev(after)->second;
  };
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (assigned[k] >= 0) continue;
    const Entity& e = mentions[k];
    int group = -1;
    if (e.type == EntityType::Person) {
      const std::string word = normalise(strip_titles(e.text));
      if (auto it = by_last.find(word); it != by_last.end())
        group = nearest(it->second, k);
      else if (auto f = by_first.find(word); f != by_first.end())
        group = nearest(f->second, k);
    } else {
      const auto it = by_initials.find(std::make_pair(static_cast<int>(e.type), normalise(e.text)));
      if (it != by_initials.end()) group = it->second;
    }
    if (group < 0) {
      const auto key = std::make_pair(static_cast<int>(e.type), normalise(strip_titles(e.text)));
      const auto it = by_key.find(key);
      group = it != by_key.end() ? it->second : b.add(e);
      by_key.emplace(key, group);
    }
    assigned[k] = group;
  }
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const int g = assigned[k];
    b.add_surface(g, mentions[k].text);
    ++b.groups[g].count;
  }

  // Canonical name: for people the fullest title-free name; for others the longest surface form (the long
  // form of an acronym), ties to the first seen.
  for (std::size_t g = 0; g < b.groups.size(); ++g) {
    EntityGroup& group = b.groups[g];
    std::string best;
    for (const std::string& s : b.surfaces[g]) {
      const std::string candidate = group.type == EntityType::Person ? std::string(strip_titles(s)) : s;
      const bool longer = group.type == EntityType::Person ? count_words(candidate) > count_words(best)
                                                           : candidate.size() > best.size();
      if (best.empty() || longer) best = candidate;
    }
    group.canonical = best;
    for (const std::string& s : b.surfaces[g]) {
      if (s != best) group.aliases.push_back(s);
    }
  }

  // Renumber groups by first mention.
  std::vector<int> order(b.groups.size(), -1);
  int next = 0;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (order[assigned[k]] < 0) order[assigned[k]] = next++;
    mentions[k].id = order[assigned[k]];
  }
  std::vector<EntityGroup> groups(static_cast<std::size_t>(next));
  for (std::size_t g = 0; g < b.groups.size(); ++g) {
    if (order[g] < 0) continue;
    b.groups[g].id = order[g];
    groups[static_cast<std::size_t>(order[g])] = std::move(b.groups[g]);
  }
  return groups;
}

}  // namespace articlescope::entities
