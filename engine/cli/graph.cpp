// `holdspace graph`: the branch graph that exhaustive exploration finds. Choice
// points are nodes (labelled by moment, or prompt, and line); each option taken
// is an edge to the choice that followed it (or to the end), labelled with the
// option's id and coloured by its class under the rubric.
#include "cli/commands.hpp"
#include "cli/explore.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/text.hpp"

#include <iostream>
#include <map>
#include <set>
#include <tuple>

namespace holdspace::cli {
namespace {

using namespace explore;

constexpr const char* green = "#2e7d32";
constexpr const char* grey = "#8a8a8a";
constexpr const char* red = "#c62828";

const char* colour_of(const std::string& cls) {
    if (cls == "essential") return green;
    if (cls == "proscribed") return red;
    return grey;
}

std::string shorten(const std::string& text, std::size_t most) {
    if (text.size() <= most) return text;
    std::size_t cut = most - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

std::string dot_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string mermaid_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"') out += "#quot;";
        else if (c == '\n') out += "<br/>";
        else if (c == '<') out += "#lt;";
        else if (c == '>') out += "#gt;";
        else if (c == '|') out += "#124;";
        else out += c;
    }
    return out;
}

struct Node {
    std::string id, label, kind;  // kind: choice, start, end, error, cut
    int line = 0;
    std::string moment, prompt;
    long visits = 0;
};

struct Edge {
    std::string from, to, option, cls;
    bool expert = false;
    long paths = 0;
    int position = 0;  // the option's place in its choice
};

}  // namespace

int graph(const GraphOptions& options) {
    int exit_code = exit_ok;
    const auto opened = open_source("graph", options.scenario, options.rubric, exit_code);
    if (!opened) return exit_code;
    const Source& source = *opened;
    Settings settings;
    settings.seed = options.seed;
    settings.jobs = options.jobs > 0 ? options.jobs : default_jobs();
    settings.budget = options.max_paths;
    settings.probes = false;  // the graph shows answers; non-verbal actions leave the choice open
    Catalog catalog;
    Exploration found;
    {
        Progress progress("graph", 0);
        settings.progress = &progress;
        found = exhaustive(source, catalog, settings);
    }
    const Summary summary = summarize(source, catalog, found.paths, settings.jobs);

    // Nodes in line order: c1, c2, ... then the terminals.
    std::vector<Node> nodes;
    std::map<std::uint32_t, std::string> node_of;
    nodes.push_back({"start", "start", "start", 0, "", "", static_cast<long>(found.paths.size())});
    int n = 0;
    for (auto index : catalog.points_in_order()) {
        const auto& p = catalog.points()[index];
        Node node;
        node.id = "c" + std::to_string(++n);
        node.kind = "choice";
        node.line = p.line;
        node.moment = p.moment;
        node.prompt = p.prompt;
        node.visits = summary.visits.count(index) ? summary.visits.at(index) : 0;
        node.label = (p.moment.empty() ? (p.prompt.empty() ? std::string("choice") : shorten(p.prompt, 40)) : p.moment) +
                     "\nline " + std::to_string(p.line);
        node_of[index] = node.id;
        nodes.push_back(node);
    }
    std::map<std::string, long> terminal_paths;

    // Edges: each answer to the choice (or terminal) that came next on its path.
    std::map<std::tuple<std::string, std::string, std::string>, Edge> edges;
    std::vector<std::tuple<std::string, std::string, std::string>> order;
    auto add_edge = [&](const std::string& from, const std::string& to, const std::string& option, const OptionInfo* o) {
        const auto key = std::make_tuple(from, option, to);
        auto [it, inserted] = edges.try_emplace(key);
        if (inserted) {
            order.push_back(key);
            it->second.from = from;
            it->second.to = to;
            it->second.option = option;
            it->second.cls = o && source.rubric ? option_class(*source.rubric, o->codes, source.info.phase) : "compatible";
            it->second.position = o ? o->position : 0;
            it->second.expert = o && o->expert;
        }
        ++it->second.paths;
    };
    for (const auto& path : found.paths) {
        // Terminal ids avoid words Mermaid reserves ("end").
        std::string terminal = path.end == "error" ? "failed" : path.end == "unfinished" ? "cutoff" : "finished";
        ++terminal_paths[terminal];
        std::string from = "start";
        std::string option;
        const OptionInfo* info = nullptr;
        for (std::size_t k = 0; k < path.steps.size() && k < path.actions.size(); ++k) {
            const auto& step = path.steps[k];
            if (!step.answered) continue;
            const std::string here = node_of[step.point];
            add_edge(from, here, option, info);
            from = here;
            option = path.actions[k];
            info = catalog.points()[step.point].option(option);
        }
        add_edge(from, terminal, option, info);
    }
    for (const auto& [id, kind, label] : {std::tuple{"finished", "end", "session ends"},
                                          std::tuple{"failed", "error", "scenario error"},
                                          std::tuple{"cutoff", "cut", "depth bound"}}) {
        if (!terminal_paths.count(id)) continue;
        nodes.push_back({id, label, kind, 0, "", "", terminal_paths[id]});
    }
    // Edges in the order of their source node, then option position.
    std::map<std::string, std::size_t> node_rank;
    for (std::size_t i = 0; i < nodes.size(); ++i) node_rank[nodes[i].id] = i;
    std::vector<Edge> sorted;
    for (const auto& key : order) sorted.push_back(edges[key]);
    std::stable_sort(sorted.begin(), sorted.end(), [&](const Edge& a, const Edge& b) {
        return std::make_tuple(node_rank[a.from], a.position, a.option, node_rank[a.to]) <
               std::make_tuple(node_rank[b.from], b.position, b.option, node_rank[b.to]);
    });

    std::ostream& out = std::cout;
    if (options.json) {
        Json j = {{"scenario", source.path}, {"id", source.info.id},
                  {"rubric", source.rubric ? Json(source.rubric->id) : Json(nullptr)},
                  {"complete", found.complete}, {"paths", found.paths.size()}};
        Json nj = Json::array();
        for (const auto& node : nodes) {
            Json x = {{"id", node.id}, {"kind", node.kind}, {"label", node.label}, {"visits", node.visits}};
            if (node.kind == "choice") {
                x["line"] = node.line;
                x["moment"] = node.moment;
                x["prompt"] = node.prompt;
            }
            nj.push_back(x);
        }
        Json ej = Json::array();
        for (const auto& e : sorted) {
            Json x = {{"from", e.from}, {"to", e.to}, {"paths", e.paths}};
            if (!e.option.empty()) {
                x["option"] = e.option;
                x["class"] = e.cls;
                x["expert"] = e.expert;
            }
            ej.push_back(x);
        }
        j["nodes"] = nj;
        j["edges"] = ej;
        out << records::json_text(j, 2) << "\n";
        return exit_ok;
    }

    if (!found.complete)
        std::cerr << "holdspace graph: exploration stopped at " << options.max_paths
                  << " paths; the graph may miss branches (raise --max-paths)\n";
    if (options.format == "dot") {
        out << "// " << source.path << ": branch graph from " << found.paths.size() << " explored paths"
            << (source.rubric ? ", options coloured by rubric " + source.rubric->id : std::string()) << "\n"
            << "// green: essential or unique_essential, grey: compatible, red: proscribed; bold: expert option\n";
        out << "digraph \"" << dot_escape(source.info.id) << "\" {\n"
            << "  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
            << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
        for (const auto& node : nodes) {
            out << "  " << node.id << " [label=\"" << dot_escape(node.label) << "\"";
            if (node.kind == "start" || node.kind == "end") out << ", shape=ellipse";
            if (node.kind == "error") out << ", shape=octagon, color=\"" << red << "\"";
            if (node.kind == "cut") out << ", shape=ellipse, style=dashed";
            out << "];\n";
        }
        for (const auto& e : sorted) {
            out << "  " << e.from << " -> " << e.to;
            if (e.option.empty()) {
                out << ";\n";
                continue;
            }
            out << " [label=\"" << dot_escape(e.option) << "\", color=\"" << colour_of(e.cls) << "\", fontcolor=\""
                << colour_of(e.cls) << "\"" << (e.expert ? ", penwidth=2.5" : "") << "];\n";
        }
        out << "}\n";
    } else {
        out << "%% " << source.path << ": branch graph from " << found.paths.size() << " explored paths"
            << (source.rubric ? ", options coloured by rubric " + source.rubric->id : std::string()) << "\n"
            << "%% green: essential or unique_essential, grey: compatible, red: proscribed; thick: expert option\n";
        out << "flowchart TD\n";
        for (const auto& node : nodes) {
            const std::string label = mermaid_escape(node.label);
            if (node.kind == "choice")
                out << "  " << node.id << "[\"" << label << "\"]\n";
            else if (node.kind == "error")
                out << "  " << node.id << "{{\"" << label << "\"}}\n";
            else
                out << "  " << node.id << "([\"" << label << "\"])\n";
        }
        std::size_t index = 0;
        std::vector<std::string> styles;
        for (const auto& e : sorted) {
            if (e.option.empty()) {
                out << "  " << e.from << " --> " << e.to << "\n";
            } else {
                out << "  " << e.from << " -->|\"" << mermaid_escape(e.option) << "\"| " << e.to << "\n";
                styles.push_back("  linkStyle " + std::to_string(index) + " stroke:" + colour_of(e.cls) +
                                 (e.expert ? ",stroke-width:3px" : ""));
            }
            ++index;
        }
        for (const auto& s : styles) out << s << "\n";
    }
    return exit_ok;
}

}  // namespace holdspace::cli
