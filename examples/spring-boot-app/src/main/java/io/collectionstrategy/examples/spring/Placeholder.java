package io.collectionstrategy.examples.spring;
