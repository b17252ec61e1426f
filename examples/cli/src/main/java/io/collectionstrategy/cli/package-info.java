/**
 * The {@code collection-strategy} command-line tool: {@code assess}, {@code explain}, {@code check}, {@code test},
 * {@code diff} and {@code generate}, built with picocli on the library's public API. See
 * {@code examples/cli/README.md}.
 */
package io.collectionstrategy.cli;
