/**
 * The texts the repository starts with: the starter workflow (checkout and test only: the
 * learner adds the stages), the complete reference workflow (pipeline-facts.md §1.8, the
 * sandbox's region and names), the Kubernetes manifest, and the same pipeline as an AWS
 * CodeBuild buildspec.yml and a Jenkinsfile (read-only, for the lesson).
 */

export const STARTER_WORKFLOW = (region: string) => `name: deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
env:
  AWS_REGION: ${region}
  ECR_REPOSITORY: web
  EKS_CLUSTER: demo
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/gha-deploy';

/** The whole pipeline: test, build and push to ECR tagged with the commit SHA, deploy to EKS, wait, roll back on failure. */
export const REFERENCE_WORKFLOW = (region: string) => `name: deploy
on:
  push:
    branches: [main]
permissions:
  id-token: write
  contents: read
env:
  AWS_REGION: ${region}
  ECR_REPOSITORY: web
  EKS_CLUSTER: demo
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      image: \${{ steps.img.outputs.image }}
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${ROLE_ARN}
          aws-region: \${{ env.AWS_REGION }}
      - id: login-ecr
        uses: aws-actions/amazon-ecr-login@v2
      - id: img
        env:
          REGISTRY: \${{ steps.login-ecr.outputs.registry }}
        run: |
          IMAGE=$REGISTRY/$ECR_REPOSITORY:\${{ github.sha }}
          docker build -t $IMAGE .
          docker push $IMAGE
          echo "image=$IMAGE" >> $GITHUB_OUTPUT
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${ROLE_ARN}
          aws-region: \${{ env.AWS_REGION }}
      - run: aws eks update-kubeconfig --name $EKS_CLUSTER --region $AWS_REGION
      - run: kubectl set image deployment/web web=\${{ needs.build.outputs.image }}
      - run: kubectl rollout status deployment/web --timeout=5m
      - if: failure()
        run: kubectl rollout undo deployment/web
`;

export const deploymentManifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  progressDeadlineSeconds: 600
  selector:
    matchLabels:
      app: web
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: ${image}
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            initialDelaySeconds: 5
            periodSeconds: 10
`;

/** The same stages as an AWS CodeBuild buildspec (run by a CodePipeline Build stage). */
export const BUILDSPEC = `version: 0.2
env:
  variables:
    ECR_REPOSITORY: web
    EKS_CLUSTER: demo
phases:
  pre_build:
    commands:
      - npm ci
      - npm test
      - ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
      - REGISTRY=$ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com
      - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
      - IMAGE=$REGISTRY/$ECR_REPOSITORY:$CODEBUILD_RESOLVED_SOURCE_VERSION
  build:
    commands:
      - docker build -t $IMAGE .
  post_build:
    commands:
      - docker push $IMAGE
      - aws eks update-kubeconfig --name $EKS_CLUSTER --region $AWS_DEFAULT_REGION
      - kubectl set image deployment/web web=$IMAGE
      - kubectl rollout status deployment/web --timeout=5m || (kubectl rollout undo deployment/web && exit 1)
`;

/** The same stages as a Jenkins declarative pipeline. */
export const JENKINSFILE = `pipeline {
  agent any
  environment {
    AWS_REGION = 'eu-west-3'
    REGISTRY = '123456789012.dkr.ecr.eu-west-3.amazonaws.com'
    IMAGE = "\${REGISTRY}/web:\${GIT_COMMIT}"
  }
  stages {
    stage('Test') {
      steps { sh 'npm ci && npm test' }
    }
    stage('Build and push') {
      steps {
        withAWS(role: 'gha-deploy', region: env.AWS_REGION) {
          sh 'aws ecr get-login-password --region $AWS_REGION | docker login --username AWS --password-stdin $REGISTRY'
          sh 'docker build -t $IMAGE .'
          sh 'docker push $IMAGE'
        }
      }
    }
    stage('Deploy') {
      steps {
        withAWS(role: 'gha-deploy', region: env.AWS_REGION) {
          sh 'aws eks update-kubeconfig --name demo --region $AWS_REGION'
          sh 'kubectl set image deployment/web web=$IMAGE'
          sh 'kubectl rollout status deployment/web --timeout=5m'
        }
      }
    }
  }
  post {
    failure { sh 'kubectl rollout undo deployment/web' }
  }
}
`;
