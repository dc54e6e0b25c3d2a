// Hand-written C++20 counterpart of bench/programs/floatkernel.py: the same
// n-body algorithm, the same float operations in the same order, the same
// output.  Built by bench/run.py with g++ -O2.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kSolarMass = 4.0 * kPi * kPi;
constexpr double kDaysPerYear = 365.24;

// Positions, velocities and masses, one vector of doubles per coordinate.
struct System {
  std::vector<double> x{0.0, 4.84143144246472090e+00, 8.34336671824457987e+00,
                        1.28943695621391310e+01, 1.53796971148509165e+01};
  std::vector<double> y{0.0, -1.16032004402742839e+00, 4.12479856412430479e+00,
                        -1.51111514016986312e+01, -2.59193146099879641e+01};
  std::vector<double> z{0.0, -1.03622044471123109e-01, -4.03523417114321381e-01,
                        -2.23307578892655734e-01, 1.79258772950371181e-01};
  std::vector<double> vx{0.0, 1.66007664274403694e-03 * kDaysPerYear,
                         -2.76742510726862411e-03 * kDaysPerYear,
                         2.96460137564761618e-03 * kDaysPerYear,
                         2.68067772490389322e-03 * kDaysPerYear};
  std::vector<double> vy{0.0, 7.69901118419740425e-03 * kDaysPerYear,
                         4.99852801234917238e-03 * kDaysPerYear,
                         2.37847173959480950e-03 * kDaysPerYear,
                         1.62824170038242295e-03 * kDaysPerYear};
  std::vector<double> vz{0.0, -6.90460016972063023e-05 * kDaysPerYear,
                         2.30417297573763929e-05 * kDaysPerYear,
                         -2.96589568540237556e-05 * kDaysPerYear,
                         -9.51592254519715870e-05 * kDaysPerYear};
  std::vector<double> mass{kSolarMass, 9.54791938424326609e-04 * kSolarMass,
                           2.85885980666130812e-04 * kSolarMass,
                           4.36624404335156298e-05 * kSolarMass,
                           5.15138902046611451e-05 * kSolarMass};
};

void offsetMomentum(System& s) {
  double px = 0.0, py = 0.0, pz = 0.0;
  for (std::size_t i = 0; i < s.mass.size(); ++i) {
    px += s.vx[i] * s.mass[i];
    py += s.vy[i] * s.mass[i];
    pz += s.vz[i] * s.mass[i];
  }
  s.vx[0] = -px / kSolarMass;
  s.vy[0] = -py / kSolarMass;
  s.vz[0] = -pz / kSolarMass;
}

double energy(const System& s) {
  double e = 0.0;
  std::size_t n = s.mass.size();
  for (std::size_t i = 0; i < n; ++i) {
    e += 0.5 * s.mass[i] * (s.vx[i] * s.vx[i] + s.vy[i] * s.vy[i] + s.vz[i] * s.vz[i]);
    for (std::size_t j = i + 1; j < n; ++j) {
      double dx = s.x[i] - s.x[j];
      double dy = s.y[i] - s.y[j];
      double dz = s.z[i] - s.z[j];
      e -= s.mass[i] * s.mass[j] / std::sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

void advance(System& s, long steps, double dt) {
  std::vector<double>& x = s.x;
  std::vector<double>& y = s.y;
  std::vector<double>& z = s.z;
  std::vector<double>& vx = s.vx;
  std::vector<double>& vy = s.vy;
  std::vector<double>& vz = s.vz;
  const std::vector<double>& mass = s.mass;
  std::size_t n = mass.size();
  for (long step = 0; step < steps; ++step) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        double dz = z[i] - z[j];
        double d2 = dx * dx + dy * dy + dz * dz;
        double mag = dt / (d2 * std::sqrt(d2));
        double mi = mass[i] * mag;
        double mj = mass[j] * mag;
        vx[i] -= dx * mj;
        vy[i] -= dy * mj;
        vz[i] -= dz * mj;
        vx[j] += dx * mi;
        vy[j] += dy * mi;
        vz[j] += dz * mi;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      x[i] += dt * vx[i];
      y[i] += dt * vy[i];
      z[i] += dt * vz[i];
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  long n = 600000;
  if (argc > 1) n = std::strtol(argv[1], nullptr, 10);
  System s;
  offsetMomentum(s);
  std::printf("energy before: %.9f\n", energy(s));
  advance(s, n, 0.01);
  std::printf("energy after:  %.9f\n", energy(s));
  return 0;
}
