#pragma once

namespace holdspace {

// One set of vital-sign readings, as a monitor shows them.
struct Vitals {
    double hr = 0;      // heart rate, beats per minute
    double sbp = 0;     // systolic blood pressure, mmHg
    double dbp = 0;     // diastolic blood pressure, mmHg
    double temp_c = 0;  // body temperature, degrees Celsius
};

}  // namespace holdspace
