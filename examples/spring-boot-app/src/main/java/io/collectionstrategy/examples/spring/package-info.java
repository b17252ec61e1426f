/** A Spring Boot web application that assesses debtors with the auto-configured strategy of the starter. */
package io.collectionstrategy.examples.spring;
