// SPDX-License-Identifier: MIT
#include "readers/html_region.hpp"

#include <cctype>
#include <vector>

namespace marginalia::readers::html {
namespace {

const HtmlNode& at(const HtmlTree& tree, int index) { return tree.nodes[static_cast<std::size_t>(index)]; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool inside(const HtmlTree& tree, int node, int ancestor) {
  for (int p = at(tree, node).parent, levels = 0; p >= 0 && levels < 256; p = at(tree, p).parent, ++levels)
    if (p == ancestor) return true;
  return false;
}

// Letters and digits under `node`, capped: enough to compare regions.
std::size_t text_weight(const HtmlTree& tree, int node) {
  std::size_t weight = 0;
  for (char c : text_content(tree, node, 1 << 22)) weight += std::isalnum(static_cast<unsigned char>(c)) != 0;
  return weight;
}

}  // namespace

bool is_cookie_banner(const HtmlNode& node) {
  if (node.is_text) return false;
  std::string marks = lower(node.attribute("id")) + " " + lower(node.attribute("class"));
  return marks.find("cookie") != std::string::npos || marks.find("consent") != std::string::npos || marks.find("gdpr") != std::string::npos;
}

ContentRegion find_content_region(const HtmlTree& tree) {
  int count = static_cast<int>(tree.nodes.size());
  std::vector<int> mains, articles;
  int known = -1;
  for (int i = 1; i < count; ++i) {
    const HtmlNode& node = at(tree, i);
    if (node.is_text) continue;
    if (node.name == "main" || node.attribute("role") == "main") mains.push_back(i);
    if (node.name == "article") articles.push_back(i);
    std::string_view id = node.attribute("id");
    if (known < 0 && (id == "mw-content-text" || id == "content" || id == "main-content" || id == "maincontent" || id == "article-body" ||
                      id == "story-body" || class_contains(node, "entry-content") || class_contains(node, "post-content") ||
                      class_contains(node, "article-body") || class_contains(node, "story-body")))
      known = i;
  }
  ContentRegion region;
  if (!mains.empty()) {
    // The outermost: a main inside another main is the same region.
    region.node = mains.front();
    region.description = at(tree, region.node).name == "main" ? "main" : std::string(at(tree, region.node).name) + "[role=main]";
    return region;
  }
  // Articles nested in an article count as one.
  std::vector<int> outer;
  for (int a : articles) {
    bool nested = false;
    for (int b : articles) nested = nested || (b != a && inside(tree, a, b));
    if (!nested) outer.push_back(a);
  }
  if (outer.size() == 1) {
    region.node = outer.front();
    region.description = "article";
    return region;
  }
  if (outer.size() > 1) {
    // A listing of teasers beside one article: the article holding most of the text.
    int best = -1;
    std::size_t best_weight = 0, runner_up = 0;
    for (int a : outer) {
      std::size_t weight = text_weight(tree, a);
      if (weight > best_weight) { runner_up = best_weight; best_weight = weight; best = a; }
      else if (weight > runner_up) runner_up = weight;
    }
    if (best >= 0 && best_weight >= 2 * runner_up && best_weight > 0) {
      region.node = best;
      region.description = "article (the longest of " + std::to_string(outer.size()) + ")";
      return region;
    }
  }
  if (known >= 0) {
    const HtmlNode& node = at(tree, known);
    region.node = known;
    std::string_view id = node.attribute("id");
    region.description = std::string(node.name) + (id.empty() ? "." + std::string(node.attribute("class")) : "#" + std::string(id));
    return region;
  }
  return region;
}

}  // namespace marginalia::readers::html
