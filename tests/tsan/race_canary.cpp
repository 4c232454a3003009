// A deliberate data race inside an OpenMP loop: every thread adds to one
// unprotected counter. The ThreadSanitizer stage (scripts/setup.sh tsan) runs
// this first and requires a race report from it. A setup that hides races in
// OpenMP code, for example one that ignores too much of the runtime, therefore
// fails the stage instead of passing it silently.
#include <cstdio>

int main() {
  long long sum = 0;
#pragma omp parallel for num_threads(4)
  for (int i = 0; i < 200000; ++i) {
    sum += i;  // the race this program exists for
  }
  std::printf("%lld\n", sum);
  return 0;
}
