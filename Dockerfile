# SPDX-License-Identifier: MIT
# marginalia as a container image (Debian 12): docker build -t marginalia .
#   docker run --rm -v "$PWD:$PWD" -w "$PWD" marginalia check reports/ --format sarif -o marginalia.sarif
# The build stage compiles and packages marginalia (cpack, the same .deb as tests/packaging
# checks); the runtime stage installs that .deb on debian:12-slim, so it holds exactly the
# libraries the package's Depends name, and no compiler. Both packages (marginalia and
# marginalia-dev) stay in the build stage's /debs: `docker build --target build -t marginalia-build .`
# then `docker run --rm -v "$PWD:/out" marginalia-build sh -c 'cp /debs/*.deb /out'` copies them out.

FROM debian:12 AS build
WORKDIR /src
COPY scripts/install-deps.sh scripts/install-deps.sh
RUN scripts/install-deps.sh --build-only && rm -rf /var/lib/apt/lists/*
COPY . .
# Only what the packages hold is built; cpack then installs without building everything else.
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMARGINALIA_BUILD_TESTS=OFF \
      -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON \
 && cmake --build build -j"$(nproc)" --target package_contents \
 && cd build && cpack -G DEB -B /debs \
 && rm -rf /debs/_CPack_Packages

FROM debian:12-slim AS runtime
COPY --from=build /debs/marginalia_*.deb /tmp/
# apt resolves the package's Depends (from dpkg-shlibdeps) to the runtime libraries only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/marginalia_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/marginalia_*.deb \
 && marginalia version
# Files written into a mounted workspace belong to whoever runs the container (docker run --user);
# the URL cache goes wherever XDG_CACHE_HOME points (mount a folder there to keep it).
ENV XDG_CACHE_HOME=/tmp/marginalia-cache
WORKDIR /work
ENTRYPOINT ["marginalia"]
CMD ["help"]
