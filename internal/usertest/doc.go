// Package usertest is a program's test suite as a user of awssnap writes
// it, in a module of its own: it reaches the test servers only through
// their public packages, as code outside the awssnap module must.
package usertest
