#pragma once
// The participant, drawn by the program from their state: posture and face show
// distress, calm, tears, trembling, eyeshades, closed eyes, looking at the therapist.
#include "ui/palette.hpp"

#include <cstdint>
#include <string>

namespace holdspace {
class Session;
}

namespace holdspace::ui {

struct FigureState {
    double distress = 20, arousal = 50, dissociation = 0, inward_focus = 30, intensity = 0;  // 0-100 (intensity 0-1)
    std::string affect = "calm";   // of the latest line
    bool eyeshades = false;        // eyeshades on
    bool eyes_closed = false;
    bool looking_at_therapist = false;
    bool tears = false;
    bool trembling = false;
    bool blanket = false;
    // Where and who: preparation and integration participants sit in a chair across from the
    // therapist; medicine-session participants recline on the couch.
    bool seated = false;           // sitting (in the chair; on the couch: sitting up)
    bool couch = false;            // the medicine session's couch rather than the chair
    bool curled = false;           // curled up (a scenario's cue), whatever the distress
    bool flushed = false;          // colour in the face (a scenario's cue)
    bool gaze_down = false;        // looking down (a scenario's cue)
    std::uint32_t look = 0;        // appearance seed (skin, hair, clothes, build); 0: the palette's own colours
    int age = 0;                   // greying hair from 45, grey from 60
    // The scenario's patient.appearance words; empty ones come from `look`.
    std::string build, skin, hair, clothing;
    double seconds = 0;            // animation clock (wall time; never enters the session)
    double breath_phase = -1;      // 0-1 through a breath; -1: from `seconds`
    // A change shown smoothly: face, posture and colour move from these values (what was shown
    // before) to the ones above over figure_transition_seconds from change_at (animation clock).
    bool changing = false;
    std::string from_affect;
    double from_distress = 0, from_arousal = 0, from_dissociation = 0, from_inward_focus = 0;
    double change_at = 0;
    bool reduced_motion = false;   // no breathing, trembling or swaying animation
};

// Seconds a breath takes (slower when settled, quicker when aroused), and how far through a
// breath (0-1) the figure is at st.seconds.
double breath_period(const FigureState& st);
double breath_phase_at(const FigureState& st);
// The same picture apart from the animation clock.
bool same_figure(const FigureState& a, const FigureState& b);

constexpr double figure_transition_seconds = 0.8;
// Whether the figure is between two pictures at st.seconds.
bool in_transition(const FigureState& st);

// A stable appearance seed from the scenario's id (FNV-1a; never 0).
std::uint32_t appearance_seed(const std::string& scenario_id);

// Reads the figure's state from the session's transcript and hidden state, and from what the
// scenario showed with s:cue (`cue_state` events), which wins over the rules until set to "auto".
FigureState figure_state_from(const Session& session, double animation_seconds, bool reduced_motion);

// Draws into `list` inside the rectangle [min, max].
void draw_participant(ImDrawList* list, ImVec2 min, ImVec2 max, const FigureState& state, const Palette& palette);

}  // namespace holdspace::ui
