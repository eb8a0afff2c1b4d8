// The ambient programme, synthesised: slow chords of detuned sine/triangle voices with soft
// raised-cosine attacks and releases, through a gentle one-pole low-pass per programme.
//
// Every voice is a pure function of the sample clock (oscillator phase = frequency x time),
// so the output depends only on the sequence of render and setter calls. The only state is
// the clock, the filters and the gain ramps. Setters write atomics; render reads them once
// per call, so the audio thread never waits on the window.
#include "ui/music.hpp"

#include <SDL.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <vector>

namespace holdspace::ui {

namespace {

constexpr double rate = 48000;
constexpr double two_pi = 6.283185307179586;

enum Programme : int { off = 0, calm = 1, evocative = 2, quiet = 3, programme_count = 4 };

int programme_id(const std::string& name) {
    if (name == "calm") return calm;
    if (name == "evocative") return evocative;
    if (name == "quiet") return quiet;
    return off;
}

// 0 -> 1 over [a, b], raised cosine: no clicks at either end.
double ramp(double x, double a, double b) {
    if (x <= a) return 0;
    if (x >= b) return 1;
    return 0.5 - 0.5 * std::cos(3.141592653589793 * (x - a) / (b - a));
}

// A soft voice: sine, with a little of the third and fifth harmonics for `bright` (a rounded
// triangle), two copies detuned by a few cents and spread left and right. Frequencies and pan
// gains are worked out once per note (VoiceShape), so a sample costs two sines per voice.
struct Stereo {
    double l = 0, r = 0;
};

struct VoiceShape {
    double f1 = 0, f2 = 0;                  // the two detuned copies, Hz (0: no note)
    double l1 = 0, r1 = 0, l2 = 0, r2 = 0;  // their constant-power pan gains
    bool low = false;                       // a bass note, played a little louder
};

VoiceShape shape(double note, double detune_cents, double pan) {
    VoiceShape v;
    if (note <= 0) return v;
    const double hz = 440.0 * std::exp2((note - 69.0) / 12.0), d = std::exp2(detune_cents / 1200.0);
    v.f1 = hz * d;
    v.f2 = hz / d;
    const double quarter = 0.25 * 3.141592653589793;
    const double pa = std::clamp(pan - 0.35, -1.0, 1.0), pb = std::clamp(pan + 0.35, -1.0, 1.0);
    v.l1 = 0.5 * std::cos((pa + 1) * quarter);
    v.r1 = 0.5 * std::sin((pa + 1) * quarter);
    v.l2 = 0.5 * std::cos((pb + 1) * quarter);
    v.r2 = 0.5 * std::sin((pb + 1) * quarter);
    v.low = note < 50;
    return v;
}

double osc(double hz, double t, double bright) {
    const double s = std::sin(two_pi * hz * t);
    if (bright <= 0) return s;
    // sin 3x and sin 5x from sin x (multiple-angle identities): no further sine calls.
    const double s2 = s * s, s3 = s2 * s;
    const double sin3 = 3 * s - 4 * s3, sin5 = 5 * s - 20 * s3 + 16 * s3 * s2;
    return s + bright * (sin3 / 9.0 - sin5 / 25.0);
}

Stereo play(const VoiceShape& v, double t, double bright) {
    const double a = osc(v.f1, t, bright), b = osc(v.f2, t, bright);
    return {a * v.l1 + b * v.l2, a * v.r1 + b * v.r2};
}

constexpr std::size_t max_notes = 6;
using Chord = std::array<VoiceShape, max_notes>;

// Notes spread across the stereo field from low to high, each detuned a little differently.
template <std::size_t N>
std::vector<Chord> shapes(const std::array<std::array<double, max_notes>, N>& notes) {
    std::vector<Chord> out;
    for (const auto& chord : notes) {
        Chord c{};
        for (std::size_t n = 0; n < max_notes; ++n)
            c[n] = shape(chord[n], 3 + static_cast<double>(n), -0.6 + 1.2 * static_cast<double>(n) / (max_notes - 1));
        out.push_back(c);
    }
    return out;
}

// Chords one after another, each `length` seconds, fading in over `attack` and out over
// `release` after its time, so neighbours overlap and crossfade.
struct ChordCycle {
    const std::vector<Chord>& chords;
    double length, attack, release, level, bright;
};

Stereo chords(const ChordCycle& c, double t) {
    Stereo out;
    const auto k = static_cast<long>(std::floor(t / c.length));
    for (long i = std::max(0L, k - 1); i <= k; ++i) {
        const double start = static_cast<double>(i) * c.length;
        const double env = ramp(t, start, start + c.attack) * (1 - ramp(t, start + c.length, start + c.length + c.release));
        if (env <= 0) continue;
        const Chord& chord = c.chords[static_cast<std::size_t>(i) % c.chords.size()];
        for (std::size_t n = 0; n < chord.size(); ++n) {
            if (chord[n].f1 <= 0) continue;
            // Each note breathes a little on its own slow cycle, so a held chord is never static.
            const double shimmer = 1 + 0.15 * std::sin(two_pi * t / (11.0 + 3.7 * static_cast<double>(n)) + static_cast<double>(n));
            const Stereo v = play(chord[n], t, c.bright);
            const double g = env * shimmer * c.level * (chord[n].low ? 1.25 : 1.0);
            out.l += v.l * g;
            out.r += v.r * g;
        }
    }
    return out;
}

// D major, warm and open: Dmaj9, Bm11, Gmaj7#11, Asus2.
const std::vector<Chord> calm_chords = shapes<4>({{
    {50, 57, 61, 64, 66, 0},
    {47, 54, 57, 62, 64, 0},
    {43, 50, 54, 59, 61, 0},
    {45, 52, 57, 59, 64, 0},
}});
// D minor, moving further and darker, with a sub-octave root: Dm9, Bbmaj7, Gm9, Fmaj7/C, Asus4, A.
const std::vector<Chord> evocative_chords = shapes<6>({{
    {38, 50, 57, 60, 64, 65},
    {34, 46, 53, 57, 60, 62},
    {31, 43, 50, 57, 58, 62},
    {36, 48, 53, 57, 60, 64},
    {33, 45, 52, 57, 59, 62},
    {33, 45, 52, 57, 61, 64},
}});
// A slow upper line over the evocative chords, one note every 5 s (an octave above these).
const std::array<VoiceShape, 12> evocative_line = [] {
    constexpr std::array<double, 12> notes{69, 67, 65, 64, 65, 62, 67, 65, 64, 62, 64, 61};
    std::array<VoiceShape, 12> out{};
    for (std::size_t i = 0; i < notes.size(); ++i) out[i] = shape(notes[i] + 12, 4, 0.25);
    return out;
}();
// The quiet drone: D, A, D.
const std::array<VoiceShape, 3> drone = {shape(38, 2, -0.3), shape(45, 3, 0), shape(50, 4, 0.3)};

Stereo render_programme(int programme, double t) {
    switch (programme) {
    case calm: return chords({calm_chords, 14.0, 5.0, 6.0, 0.11, 0.15}, t);
    case evocative: {
        Stereo s = chords({evocative_chords, 10.0, 4.0, 5.0, 0.10, 0.6}, t);
        const auto k = static_cast<long>(std::floor(t / 5.0));
        for (long i = std::max(0L, k - 1); i <= k; ++i) {
            const double start = static_cast<double>(i) * 5.0;
            const double env = ramp(t, start, start + 1.5) * (1 - ramp(t, start + 5.0, start + 8.0));
            if (env <= 0) continue;
            const Stereo v = play(evocative_line[static_cast<std::size_t>(i) % evocative_line.size()], t, 0.3);
            s.l += v.l * env * 0.08;
            s.r += v.r * env * 0.08;
        }
        return s;
    }
    case quiet: {
        // A very soft drone, swelling over about 20 s.
        Stereo s;
        const double swell = 0.75 + 0.25 * std::sin(two_pi * t / 21.0);
        for (const auto& v : drone) {
            const Stereo x = play(v, t, 0.0);
            s.l += x.l * 0.05 * swell;
            s.r += x.r * 0.05 * swell;
        }
        return s;
    }
    default: return {};
    }
}

// Low-pass cutoff per programme (Hz): the quiet drone darkest, the evocative one brightest.
constexpr std::array<double, programme_count> cutoff{1000, 1500, 2600, 500};

constexpr double crossfade_seconds = 4.0;  // between programmes
constexpr double gain_seconds = 0.03;      // volume and mute: quick, but no click

void audio_callback(void* user, Uint8* stream, int bytes) {
    static_cast<Music*>(user)->render(reinterpret_cast<float*>(stream), bytes / static_cast<int>(2 * sizeof(float)));
}

}  // namespace

struct Music::Impl {
    // Window side.
    std::string name = "off";
    SDL_AudioDeviceID device = 0;
    bool owns_audio_subsystem = false;
    // Shared with the audio thread.
    std::atomic<int> requested{off};
    std::atomic<float> volume{0.6f};
    std::atomic<bool> muted{false};
    // Audio thread only.
    std::uint64_t clock = 0;  // samples rendered
    std::array<double, programme_count> fade{};  // each programme's crossfade gain, 0-1
    std::array<Stereo, programme_count> filter{};
    double gain = 0;  // master, after volume and mute
};

Music::Music() : impl_(std::make_unique<Impl>()) {}

Music::~Music() {
    if (impl_->device) SDL_CloseAudioDevice(impl_->device);  // waits for a callback in progress
    if (impl_->owns_audio_subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool Music::open() {
    if (impl_->device) return true;
    if (!(SDL_WasInit(SDL_INIT_AUDIO) & SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return false;  // no audio driver (CI, Xvfb)
        impl_->owns_audio_subsystem = true;
    }
    SDL_AudioSpec want{};
    SDL_AudioSpec have{};
    want.freq = static_cast<int>(rate);
    want.format = AUDIO_F32SYS;
    want.channels = 2;
    want.samples = 1024;
    want.callback = audio_callback;
    want.userdata = this;
    // No allowed changes: SDL converts to the device's format for us, so render() always
    // sees 48 kHz stereo float.
    impl_->device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!impl_->device) {
        if (impl_->owns_audio_subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
        impl_->owns_audio_subsystem = false;
        return false;
    }
    SDL_PauseAudioDevice(impl_->device, 0);
    return true;
}

bool Music::is_open() const { return impl_->device != 0; }

void Music::set_programme(const std::string& name) {
    const int id = programme_id(name);
    impl_->name = id == off ? "off" : name;
    impl_->requested.store(id);
}

const std::string& Music::programme() const { return impl_->name; }

void Music::set_volume(float volume) { impl_->volume.store(std::clamp(volume, 0.0f, 1.0f)); }

void Music::set_muted(bool muted) { impl_->muted.store(muted); }

void Music::render(float* interleaved, int frames) {
    if (!interleaved || frames <= 0) return;
    Impl& m = *impl_;
    const int current = m.requested.load();
    const double target = m.muted.load() ? 0.0 : static_cast<double>(m.volume.load());
    const double fade_step = 1.0 / (crossfade_seconds * rate), gain_step = 1.0 / (gain_seconds * rate);
    std::array<double, programme_count> coeff{};
    for (std::size_t p = 0; p < coeff.size(); ++p) coeff[p] = 1 - std::exp(-two_pi * cutoff[p] / rate);

    for (int i = 0; i < frames; ++i) {
        const double t = static_cast<double>(m.clock++) / rate;
        // Ramps that land exactly on their targets, so silence is exact zeros.
        m.gain = m.gain < target ? std::min(target, m.gain + gain_step) : std::max(target, m.gain - gain_step);
        double l = 0, r = 0;
        for (int p = calm; p < programme_count; ++p) {
            double& f = m.fade[static_cast<std::size_t>(p)];
            f = p == current ? std::min(1.0, f + fade_step) : std::max(0.0, f - fade_step);
            Stereo& lp = m.filter[static_cast<std::size_t>(p)];
            if (f <= 0) {
                lp = {};  // a programme faded out starts clean next time
                continue;
            }
            const Stereo s = render_programme(p, t);
            const double k = coeff[static_cast<std::size_t>(p)];
            lp.l += k * (s.l - lp.l);
            lp.r += k * (s.r - lp.r);
            // Equal-power crossfade.
            const double g = std::sin(f * 1.5707963267948966);
            l += lp.l * g;
            r += lp.r * g;
        }
        // tanh keeps the output within [-1, 1] however the voices add up, and is near linear
        // at the levels the programmes play.
        const double out_l = m.gain > 0 ? std::tanh(l * m.gain) : 0.0;
        const double out_r = m.gain > 0 ? std::tanh(r * m.gain) : 0.0;
        interleaved[2 * i] = static_cast<float>(out_l);
        interleaved[2 * i + 1] = static_cast<float>(out_r);
    }
}

}  // namespace holdspace::ui
