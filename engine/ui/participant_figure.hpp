#pragma once
// The participant, drawn by the program from their state: posture and face show
// distress, calm, tears, trembling, eyeshades, closed eyes, looking at the therapist.
#include "ui/palette.hpp"

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
    double seconds = 0;            // animation clock (wall time; never enters the session)
    bool reduced_motion = false;   // no breathing, trembling or swaying animation
};

// Reads the figure's state from the session's transcript and hidden state.
FigureState figure_state_from(const Session& session, double animation_seconds, bool reduced_motion);

// Draws into `list` inside the rectangle [min, max].
void draw_participant(ImDrawList* list, ImVec2 min, ImVec2 max, const FigureState& state, const Palette& palette);

}  // namespace holdspace::ui
