// Catch2 runner with a QCoreApplication: QNetworkAccessManager needs one.
#include "catch_run.hpp"

#include <QCoreApplication>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  return varn::test::run_catch(argc, argv);
}
