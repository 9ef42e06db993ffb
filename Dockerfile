# The serve tool (examples/serve) built from source into a minimal image: a
# static binary on an empty base, no shell, no package manager, nothing
# fetched at run time.
#
#   docker build -t awssnap-serve .
#   docker run --rm -p 127.0.0.1:4566:4566 awssnap-serve
#   docker run --rm -p 127.0.0.1:4566:4566 -v awssnap-state:/data awssnap-serve -state /data/state.json
#
# Inside the container serve must listen on every interface to be reachable
# through the published port, hence -allow-non-loopback; publish the port on
# 127.0.0.1 as above so that only this machine can reach it.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/serve ./examples/serve \
	&& mkdir /out/data

FROM scratch
COPY --from=build /out/serve /serve
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
EXPOSE 4566
ENTRYPOINT ["/serve", "-addr", "0.0.0.0:4566", "-allow-non-loopback"]
