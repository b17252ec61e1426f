package io.collectionstrategy.spring;
