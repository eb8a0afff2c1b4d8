#include "sim/event.hpp"

#include <type_traits>
#include <utility>

namespace holdspace {

Json minutes_json(Seconds at) {
    if (at % 60 == 0) return Json(at / 60);
    return Json(static_cast<double>(at) / 60.0);
}

namespace {

// Deeper than an event goes, the rest is left to Json's destructor, which needs no stack of calls.
constexpr int release_depth = 16;

void release(Json& j, int depth) {
    if (depth > release_depth) return;
    if (j.is_object()) {
        auto& fields = j.get_ref<Json::object_t&>();
        for (auto& field : fields)
            if (field.second.is_structured()) release(field.second, depth + 1);
        fields.clear();  // each is now a scalar, a string or (past the depth) left to the destructor
    } else if (j.is_array()) {
        auto& items = j.get_ref<Json::array_t&>();
        for (auto& item : items)
            if (item.is_structured()) release(item, depth + 1);
        items.clear();
    }
    j = nullptr;  // an empty object or array is freed without the stack
}

}  // namespace

void release(Json& j) { release(j, 0); }

void release(std::vector<Event>& events) {
    for (auto& e : events) release(e.data);
    events.clear();
}

namespace {

// {"type", "t", ...data} built field by field: data's keys are already distinct, so only a
// "type" or "t" among them needs looking up (it replaces the one written first, in place).
// `Fields` is data's object, const (copied from) or not (moved from).
template <class Fields>
Json event_json(const std::string& type, Seconds at, Fields& data) {
    constexpr bool take = !std::is_const_v<Fields>;
    Json j = Json::object();
    auto& fields = j.get_ref<Json::object_t&>();
    fields.reserve(data.size() + 2);
    fields.emplace_back("type", type);
    fields.emplace_back("t", minutes_json(at));
    for (auto& [key, value] : data) {
        if (key == "type" || key == "t") {
            if constexpr (take) j[key] = std::move(value); else j[key] = value;
        } else {
            if constexpr (take) fields.emplace_back(key, std::move(value)); else fields.emplace_back(key, value);
        }
    }
    return j;
}

}  // namespace

Json Event::to_json() const {
    if (data.is_object()) return event_json(type, at, data.get_ref<const Json::object_t&>());
    Json j = Json::object();
    j["type"] = type;
    j["t"] = minutes_json(at);
    return j;
}

Json transcript_json(const std::vector<Event>& events) {
    Json list = Json::array();
    auto& items = list.get_ref<Json::array_t&>();
    items.reserve(events.size());
    for (const auto& e : events) items.push_back(e.to_json());
    return list;
}

Json transcript_json(std::vector<Event>&& events) {
    Json list = Json::array();
    auto& items = list.get_ref<Json::array_t&>();
    items.reserve(events.size());
    for (auto& e : events)
        items.push_back(e.data.is_object() ? event_json(e.type, e.at, e.data.get_ref<Json::object_t&>()) : e.to_json());
    events.clear();
    return list;
}

}  // namespace holdspace
