// varn-server entry point.
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("varn-server %s\n", VARN_VERSION);
    return 0;
  }
  std::fprintf(stderr, "varn-server %s: usage: varn-server --version\n", VARN_VERSION);
  return 2;
}
