#include "sim/event.hpp"

namespace holdspace {

Json minutes_json(Seconds at) {
    if (at % 60 == 0) return Json(at / 60);
    return Json(static_cast<double>(at) / 60.0);
}

Json Event::to_json() const {
    Json j = Json::object();
    j["type"] = type;
    j["t"] = minutes_json(at);
    for (const auto& [key, value] : data.items()) j[key] = value;
    return j;
}

Json transcript_json(const std::vector<Event>& events) {
    Json list = Json::array();
    for (const auto& e : events) list.push_back(e.to_json());
    return list;
}

}  // namespace holdspace
